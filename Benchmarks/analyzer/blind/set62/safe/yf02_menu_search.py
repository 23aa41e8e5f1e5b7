"""Menu search API used by the online ordering storefront."""
import logging
import os
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger(__name__)
DB_PATH = os.environ.get("MENU_DB", "/srv/ordering/menu.db")

SORT_COLUMNS = {
    "name": "i.name",
    "price": "i.price_cents",
    "popular": "i.order_count DESC",
}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_filters(args) -> tuple:
    """Translate storefront query-string filters into a WHERE fragment."""
    clauses = ["i.active = 1"]
    params = []
    category = args.get("category")
    if category:
        clauses.append("c.slug = ?")
        params.append(category)
    if args.get("max_price"):
        cents = int(float(args["max_price"]) * 100)
        clauses.append("i.price_cents <= ?")
        params.append(cents)
    term = args.get("q", "").strip()
    if term:
        clauses.append("(i.name LIKE ? OR i.description LIKE ?)")
        params.extend([f"%{term}%", f"%{term}%"])
    if args.get("vegetarian") == "1":
        clauses.append("i.is_vegetarian = 1")
    return " AND ".join(clauses), params


@app.route("/api/locations/<int:location_id>/menu/search")
def search_menu(location_id: int):
    try:
        where, params = build_filters(request.args)
    except ValueError:
        return jsonify(error="invalid max_price"), 400
    order_by = SORT_COLUMNS.get(request.args.get("sort", "name"), "i.name")
    sql = (
        "SELECT i.id, i.name, i.description, i.price_cents, c.slug AS category "
        "FROM menu_items i JOIN categories c ON c.id = i.category_id "
        f"WHERE i.location_id = ? AND {where} ORDER BY {order_by} LIMIT 100"
    )
    try:
        rows = get_db().execute(sql, (location_id, *params)).fetchall()
    except sqlite3.Error:
        log.exception("menu search failed for location %d", location_id)
        return jsonify(error="search unavailable"), 500
    return jsonify(items=[dict(r) for r in rows], count=len(rows))


@app.route("/api/locations/<int:location_id>/menu/categories")
def list_categories(location_id: int):
    rows = get_db().execute(
        "SELECT slug, title FROM categories WHERE location_id = ? ORDER BY position",
        (location_id,),
    ).fetchall()
    return jsonify(categories=[dict(r) for r in rows])
