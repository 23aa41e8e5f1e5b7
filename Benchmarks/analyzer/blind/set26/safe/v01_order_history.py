"""Order history API for the storefront customer portal."""
import sqlite3
from datetime import date

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = "shop.db"

PAGE_SIZE = 25


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


def parse_since(raw):
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        abort(400, description="since must be YYYY-MM-DD")


def build_history_query(customer_id, status, since, page):
    clauses = ["customer_id = ?"]
    params = [customer_id]
    if status:
        clauses.append("status = ?")
        params.append(status)
    if since is not None:
        clauses.append("placed_at >= ?")
        params.append(since.isoformat())
    sql = "SELECT id, placed_at, total_cents, status FROM orders WHERE "
    sql += " AND ".join(clauses)
    sql += " ORDER BY placed_at DESC LIMIT ? OFFSET ?"
    params.extend([PAGE_SIZE, (page - 1) * PAGE_SIZE])
    return sql, params


def serialize(row):
    return {
        "id": row["id"],
        "placed_at": row["placed_at"],
        "total": row["total_cents"] / 100,
        "status": row["status"],
    }


@app.route("/customers/<int:customer_id>/orders")
def order_history(customer_id):
    status = request.args.get("status", "").strip().lower()
    since = parse_since(request.args.get("since"))
    page = max(request.args.get("page", 1, type=int), 1)
    sql, params = build_history_query(customer_id, status, since, page)
    rows = get_db().execute(sql, params).fetchall()
    return jsonify({"page": page, "orders": [serialize(r) for r in rows]})


@app.route("/customers/<int:customer_id>/orders/summary")
def order_summary(customer_id):
    row = get_db().execute(
        "SELECT COUNT(*) AS n, COALESCE(SUM(total_cents), 0) AS total "
        "FROM orders WHERE customer_id = ?",
        (customer_id,),
    ).fetchone()
    return jsonify({"count": row["n"], "total": row["total"] / 100})
