"""Order search endpoint for the merchant back-office."""
import logging
import sqlite3
from dataclasses import dataclass, field

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "/var/lib/shopdesk/orders.db"
log = logging.getLogger("shopdesk.orders")

ALLOWED_STATUSES = {"pending", "paid", "shipped", "refunded", "cancelled"}
SORT_COLUMNS = {"created_at", "total_cents", "status"}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


@dataclass
class OrderFilter:
    merchant_id: int
    clauses: list = field(default_factory=list)
    params: list = field(default_factory=list)

    def add_status(self, status: str) -> None:
        if status in ALLOWED_STATUSES:
            self.clauses.append("status = ?")
            self.params.append(status)

    def add_customer(self, email: str) -> None:
        self.clauses.append("customer_email LIKE ?")
        self.params.append(f"%{email}%")

    def add_min_total(self, amount: str) -> None:
        try:
            self.params.append(int(float(amount) * 100))
            self.clauses.append("total_cents >= ?")
        except ValueError:
            log.debug("ignoring bad min_total")

    def to_sql(self) -> tuple:
        where = ["merchant_id = ?"] + self.clauses
        return " AND ".join(where), [int(self.merchant_id)] + self.params


def build_filter(merchant_id: int, args) -> OrderFilter:
    flt = OrderFilter(merchant_id=merchant_id)
    if args.get("status"):
        flt.add_status(args["status"])
    if args.get("customer"):
        flt.add_customer(args["customer"].strip())
    if args.get("min_total"):
        flt.add_min_total(args["min_total"])
    return flt


@app.route("/merchants/<int:merchant_id>/orders")
def search_orders(merchant_id: int):
    flt = build_filter(merchant_id, request.args)
    sort = request.args.get("sort", "created_at")
    if sort not in SORT_COLUMNS:
        sort = "created_at"
    where, params = flt.to_sql()
    query = (
        "SELECT id, customer_email, status, total_cents, created_at "
        f"FROM orders WHERE {where} ORDER BY {sort} DESC LIMIT 200"
    )
    rows = get_db().execute(query, params).fetchall()
    log.info("order search merchant=%s hits=%d", merchant_id, len(rows))
    return jsonify([dict(r) for r in rows])


@app.route("/merchants/<int:merchant_id>/orders/<int:order_id>")
def order_detail(merchant_id: int, order_id: int):
    row = get_db().execute(
        "SELECT * FROM orders WHERE merchant_id = ? AND id = ?",
        (merchant_id, order_id),
    ).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))
