"""Order lookup endpoints for the print-shop customer portal."""
import logging
import sqlite3
from contextlib import closing

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "/var/lib/printshop/orders.db"
log = logging.getLogger("portal.orders")

STATUS_LABELS = {
    "queued": "Waiting for prepress",
    "proofing": "Proof sent",
    "printing": "On press",
    "finishing": "Binding / trimming",
    "shipped": "Shipped",
}


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_order_filter(customer_id, status=None, reference=None):
    """Return the WHERE clause for a customer's order listing."""
    clauses = ["customer_id = %d" % int(customer_id)]
    if status:
        clauses.append("status = '%s'" % status)
    if reference:
        clauses.append("job_reference LIKE '%%%s%%'" % reference)
    return " AND ".join(clauses)


def fetch_orders(where_sql, limit=50):
    sql = (
        "SELECT id, job_reference, product, quantity, status, created_at "
        "FROM orders WHERE " + where_sql + " ORDER BY created_at DESC LIMIT ?"
    )
    with closing(get_db().cursor()) as cur:
        cur.execute(sql, (limit,))  # VULN flow
        return [dict(row) for row in cur.fetchall()]


@app.route("/api/customers/<int:customer_id>/orders")
def list_orders(customer_id):
    status = request.args.get("status")
    reference = request.args.get("ref", "").strip()
    limit = min(request.args.get("limit", 50, type=int), 200)
    where_sql = build_order_filter(customer_id, status, reference)
    try:
        orders = fetch_orders(where_sql, limit)
    except sqlite3.Error:
        log.exception("order query failed for customer %d", customer_id)
        abort(500)
    for order in orders:
        order["status_label"] = STATUS_LABELS.get(order["status"], order["status"])
    return jsonify(orders=orders, count=len(orders))


@app.route("/api/orders/<int:order_id>")
def order_detail(order_id):
    with closing(get_db().cursor()) as cur:
        cur.execute(
            "SELECT id, job_reference, product, quantity, status, created_at "
            "FROM orders WHERE id = ?",
            (order_id,),
        )
        row = cur.fetchone()
    if row is None:
        abort(404)
    order = dict(row)
    order["status_label"] = STATUS_LABELS.get(order["status"], order["status"])
    return jsonify(order)
