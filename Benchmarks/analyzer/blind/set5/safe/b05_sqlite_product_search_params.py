import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
DATABASE = "shop.db"


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DATABASE)
        g.db.row_factory = sqlite3.Row
    return g.db


def find_products(term, category):
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = "SELECT id, name, price FROM products WHERE name LIKE ? ESCAPE '\\'"
    params = [f"%{escaped}%"]
    if category:
        query += " AND category = ?"
        params.append(category)
    return get_db().execute(query, params).fetchall()


@app.route("/products/search")
def search():
    rows = find_products(request.args.get("q", ""), request.args.get("category"))
    return jsonify([dict(r) for r in rows])
