"""Box office search endpoints used by the front-of-house terminals."""
import logging
import sqlite3

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("boxoffice.search")

DB_PATH = "/var/lib/boxoffice/tickets.db"
SORTABLE = {
    "performance": "p.starts_at",
    "surname": "c.surname",
    "row": "s.row_label",
}


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_filters(args):
    """Translate query-string filters into SQL clauses and bound parameters."""
    clauses, params = [], []
    if args.get("surname"):
        clauses.append("c.surname LIKE ?")
        params.append("%" + args["surname"].strip() + "%")
    if args.get("performance_id"):
        clauses.append("p.id = ?")
        params.append(int(args["performance_id"]))
    if args.get("status"):
        clauses.append("o.status = ?")
        params.append(args["status"])
    return clauses, params


@app.route("/api/orders/search")
def search_orders():
    filters, params = build_filters(request.args)
    sort_key = SORTABLE.get(request.args.get("sort", "performance"), "p.starts_at")
    sql = (
        "SELECT o.id, o.status, c.surname, p.title, s.row_label, s.seat_number "
        "FROM orders o JOIN customers c ON c.id = o.customer_id "
        "JOIN performances p ON p.id = o.performance_id "
        "JOIN seats s ON s.order_id = o.id"
    )
    if filters:
        sql += " WHERE " + " AND ".join(filters)
    sql += f" ORDER BY {sort_key} LIMIT 200"
    log.debug("order search with %d filters", len(filters))
    rows = get_db().execute(sql, params).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/orders/<int:order_id>")
def get_order(order_id: int):
    row = get_db().execute(
        "SELECT id, status, total_pence FROM orders WHERE id = ?", (order_id,)
    ).fetchone()
    if row is None:
        abort(404)
    return jsonify(dict(row))


if __name__ == "__main__":
    app.run(port=8081)
