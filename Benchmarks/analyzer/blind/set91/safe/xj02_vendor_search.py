"""Supplier directory search API used by the buyer workbench."""
import logging
import sqlite3

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config.from_envvar("VENDOR_DIR_SETTINGS", silent=True)
app.config.setdefault("DATABASE", "/srv/procurement/vendors.db")

log = logging.getLogger(__name__)


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


class VendorQuery:
    """Collects the optional filters from the search form."""

    def __init__(self, args):
        self.name = args.get("q", "").strip()
        self.category = args.get("category")
        self.country = args.get("country")
        self.status = args.get("status", "active")

    def where_clause(self):
        parts = ["status = ?"]
        params = [self.status]
        if self.name:
            parts.append("legal_name LIKE ?")
            params.append("%" + self.name + "%")
        if self.category:
            parts.append("category_code = ?")
            params.append(self.category)
        if self.country:
            parts.append("country = ?")
            params.append(self.country.upper())
        return " AND ".join(parts), params


def row_to_dict(row):
    return {
        "id": row["id"],
        "legal_name": row["legal_name"],
        "category": row["category_code"],
        "country": row["country"],
        "rating": row["rating"],
    }


@app.route("/api/vendors")
def search_vendors():
    vq = VendorQuery(request.args)
    try:
        limit = min(int(request.args.get("limit", 50)), 200)
    except ValueError:
        limit = 50
    clause, params = vq.where_clause()
    sql = (
        "SELECT id, legal_name, category_code, country, rating FROM vendors WHERE "
        + clause
        + " ORDER BY legal_name LIMIT %d" % limit
    )
    rows = get_db().execute(sql, params).fetchall()
    return jsonify([row_to_dict(r) for r in rows])


@app.route("/api/vendors/<int:vendor_id>")
def vendor_detail(vendor_id):
    row = get_db().execute(
        "SELECT id, legal_name, category_code, country, rating FROM vendors WHERE id = ?",
        (vendor_id,),
    ).fetchone()
    if row is None:
        return jsonify(error="not found"), 404
    return jsonify(row_to_dict(row))
