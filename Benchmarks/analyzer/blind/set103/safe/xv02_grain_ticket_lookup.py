"""Scale ticket lookup API for the grain elevator office."""
import os
import sqlite3
from typing import List, Tuple

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
DB_PATH = os.environ.get("SCALE_DB", "/var/lib/elevator/tickets.db")

TICKET_COLUMNS = (
    "ticket_no",
    "grower_id",
    "commodity",
    "gross_kg",
    "tare_kg",
    "moisture_pct",
    "weighed_at",
)


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_ticket_filter(args) -> Tuple[str, List[str]]:
    clauses, params = [], []
    if args.get("grower"):
        clauses.append("grower_id = ?")
        params.append(args["grower"])
    if args.get("commodity"):
        clauses.append("commodity = ?")
        params.append(args["commodity"].upper())
    if args.get("since"):
        clauses.append("weighed_at >= ?")
        params.append(args["since"])
    return (" AND ".join(clauses) if clauses else "1=1"), params


def net_weight(row) -> float:
    return round(row["gross_kg"] - row["tare_kg"], 1)


def shrink_adjusted(row) -> float:
    # standard 1.3% shrink per point of moisture above 15.5%
    excess = max(0.0, (row["moisture_pct"] or 0) - 15.5)
    return round(net_weight(row) * (1 - 0.013 * excess), 1)


@app.route("/api/tickets")
def list_tickets():
    where, params = build_ticket_filter(request.args)
    sql = (
        "SELECT " + ", ".join(TICKET_COLUMNS) + " FROM scale_tickets WHERE "
        + where
        + " ORDER BY weighed_at DESC LIMIT 200"
    )
    rows = get_db().execute(sql, params).fetchall()
    return jsonify(
        [dict(r, net_kg=net_weight(r), dry_kg=shrink_adjusted(r)) for r in rows]
    )


@app.route("/api/tickets/lookup")
def lookup_ticket():
    row = get_db().execute("SELECT * FROM scale_tickets WHERE ticket_no = ?", (request.args.get("ticket", ""),)).fetchone()
    if row is None:
        abort(404)
    return jsonify(dict(row, net_kg=net_weight(row), dry_kg=shrink_adjusted(row)))


@app.route("/api/commodities")
def commodities():
    rows = get_db().execute(
        "SELECT commodity, COUNT(*) AS loads, SUM(gross_kg - tare_kg) AS net_kg "
        "FROM scale_tickets GROUP BY commodity"
    ).fetchall()
    return jsonify([dict(r) for r in rows])
