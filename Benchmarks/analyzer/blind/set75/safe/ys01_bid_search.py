"""Bid board search API used by the estimating team."""
import logging
import sqlite3
from dataclasses import dataclass
from typing import List, Optional, Tuple

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("bidboard")

DB_PATH = "/var/lib/bidboard/bids.db"
SORTABLE = {"due_date", "estimate_total", "project_name"}


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


@dataclass
class BidFilter:
    trade: Optional[str] = None
    region: Optional[str] = None
    min_value: Optional[float] = None

    def where_clause(self) -> Tuple[str, List]:
        parts = ["status = 'open'"]
        params: List = []
        if self.trade:
            parts.append("trade = ?")
            params.append(self.trade)
        if self.region:
            parts.append("region LIKE ?")
            params.append("%" + self.region + "%")
        if self.min_value is not None:
            parts.append("estimate_total >= ?")
            params.append(float(self.min_value))
        return " AND ".join(parts), params


def build_query(flt: BidFilter, order_by: str) -> Tuple[str, List]:
    if order_by not in SORTABLE:
        order_by = "due_date"
    clause, params = flt.where_clause()
    return (
        "SELECT id, project_name, trade, region, due_date, estimate_total "
        f"FROM bids WHERE {clause} ORDER BY {order_by} LIMIT 200"
    ), params


@app.route("/api/bids")
def search_bids():
    flt = BidFilter(
        trade=request.args.get("trade"),
        region=request.args.get("region"),
        min_value=request.args.get("min_value", type=float),
    )
    sql, params = build_query(flt, request.args.get("sort", "due_date"))
    rows = get_db().execute(sql, params).fetchall()
    log.info("bid search returned %d rows", len(rows))
    return jsonify([dict(r) for r in rows])


@app.route("/api/bids/<int:bid_id>")
def bid_detail(bid_id: int):
    row = get_db().execute(
        "SELECT * FROM bids WHERE id = ?", (bid_id,)
    ).fetchone()
    if row is None:
        return jsonify({"error": "not found"}), 404
    return jsonify(dict(row))
