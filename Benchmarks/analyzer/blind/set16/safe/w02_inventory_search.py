"""Warehouse inventory lookup used by the floor staff tablets."""
import os
import sqlite3

from flask import Flask, g, jsonify, request
from markupsafe import escape

app = Flask(__name__)
DB_PATH = os.environ.get("INVENTORY_DB", "/srv/inventory/inventory.db")
PAGE_SIZE = 50


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


def build_filter(term, warehouse):
    clauses = ["name LIKE ?"]
    params = [f"%{term}%"]
    if warehouse:
        clauses.append("warehouse = ?")
        params.append(warehouse)
    return " AND ".join(clauses), params


def search_items(term, warehouse):
    where, params = build_filter(term, warehouse)
    sql = f"SELECT sku, name, qty, warehouse FROM items WHERE {where} ORDER BY name LIMIT {PAGE_SIZE}"
    return get_db().execute(sql, params).fetchall()


@app.route("/search")
def search():
    term = request.args.get("q", "").strip()
    warehouse = request.args.get("wh")
    rows = search_items(term, warehouse)
    parts = [f"<h2>Results for {escape(term)}</h2>", "<table class='inv'>"]
    for r in rows:
        parts.append(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>".format(
                escape(r["sku"]), escape(r["name"]), int(r["qty"]), escape(r["warehouse"])
            )
        )
    parts.append("</table>")
    if not rows:
        parts.append("<p>No items matched.</p>")
    return "\n".join(parts)


@app.route("/api/items/<sku>")
def item_detail(sku):
    row = get_db().execute(
        "SELECT sku, name, qty, warehouse FROM items WHERE sku = ?", (sku,)
    ).fetchone()
    if row is None:
        return jsonify(error="not found"), 404
    return jsonify(dict(row))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5002)
