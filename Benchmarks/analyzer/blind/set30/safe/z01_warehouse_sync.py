"""Warehouse stock endpoints used by the fulfilment dashboard."""
import logging
import sqlite3
from contextlib import closing

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("warehouse.sync")

DB_PATH = "/var/lib/warehouse/stock.db"
SORT_COLUMNS = {"sku", "quantity", "updated_at"}


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def fetch_stock(location, sort):
    if sort not in SORT_COLUMNS:
        sort = "sku"
    query = (
        "SELECT sku, quantity, updated_at FROM stock "
        f"WHERE location = ? ORDER BY {sort}"
    )
    with closing(get_db().cursor()) as cur:
        cur.execute(query, (location,))
        return [dict(row) for row in cur.fetchall()]


@app.get("/stock/<location>")
def list_stock(location):
    rows = fetch_stock(location, request.args.get("sort", "sku"))
    log.info("listed %d rows for location %r", len(rows), location)
    return jsonify(rows)


@app.post("/stock/<location>/adjust")
def adjust_stock(location):
    payload = request.get_json(silent=True) or {}
    sku = payload.get("sku")
    try:
        delta = int(payload.get("delta", 0))
    except (TypeError, ValueError):
        abort(400)
    if not sku or not isinstance(sku, str):
        abort(400)
    db = get_db()
    with closing(db.cursor()) as cur:
        cur.execute(
            "UPDATE stock SET quantity = quantity + ?, updated_at = CURRENT_TIMESTAMP "
            "WHERE location = ? AND sku = ?",
            (delta, location, sku),
        )
        db.commit()
        if cur.rowcount == 0:
            abort(404)
    log.info("adjusted %r at %r by %d", sku, location, delta)
    return jsonify({"sku": sku, "location": location, "delta": delta})
