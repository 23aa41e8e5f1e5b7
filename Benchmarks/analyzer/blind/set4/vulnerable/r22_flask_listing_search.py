import sqlite3
from dataclasses import dataclass

from flask import Blueprint, current_app, g, jsonify, request

bp = Blueprint("listings", __name__)


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@dataclass
class ListingFilter:
    city: str = ""
    min_price: int = 0
    max_price: int = 10_000_000

    def where_clause(self):
        parts = ["price BETWEEN %d AND %d" % (self.min_price, self.max_price)]
        if self.city:
            parts.append("city = '%s'" % self.city)
        return " AND ".join(parts)


@bp.get("/listings")
def listings():
    flt = ListingFilter(
        city=request.args.get("city", ""),
        min_price=request.args.get("min_price", 0, type=int),
        max_price=request.args.get("max_price", 10_000_000, type=int),
    )
    sql = "SELECT id, title, city, price FROM listings WHERE " + flt.where_clause()
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])
