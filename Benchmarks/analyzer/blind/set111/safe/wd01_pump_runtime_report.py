"""Pump runtime report endpoints for the SCADA dashboard."""
import logging
import sqlite3
from datetime import datetime, timedelta

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config["HISTORIAN_DB"] = "/var/lib/scada/historian.db"
log = logging.getLogger("pump_runtime")

SORTABLE = {"station", "runtime_hours", "starts"}


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["HISTORIAN_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_filters(args):
    """Translate dashboard query-string filters into a WHERE clause."""
    clauses = []
    params = []
    station = args.get("station")
    if station:
        clauses.append("station_code = ?")
        params.append(station)
    since = args.get("since")
    if since:
        clauses.append("logged_at >= ?")
        params.append(since)
    else:
        cutoff = (datetime.utcnow() - timedelta(days=7)).isoformat()
        clauses.append("logged_at >= ?")
        params.append(cutoff)
    return " AND ".join(clauses), params


@app.route("/api/pumps/runtime")
def runtime_report():
    where, params = build_filters(request.args)
    order = request.args.get("order", "station")
    if order not in SORTABLE:
        order = "station"
    sql = (
        "SELECT station_code AS station, pump_id, "
        "SUM(run_seconds) / 3600.0 AS runtime_hours, COUNT(*) AS starts "
        f"FROM pump_events WHERE {where} "
        f"GROUP BY station_code, pump_id ORDER BY {order} DESC"
    )
    log.debug("runtime query: %s params=%r", sql, params)
    rows = get_db().execute(sql, params).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/pumps/<int:pump_id>/starts")
def pump_starts(pump_id: int):
    limit = min(request.args.get("limit", 100, type=int), 1000)
    rows = get_db().execute(
        "SELECT logged_at, run_seconds, trip_code FROM pump_events "
        "WHERE pump_id = ? ORDER BY logged_at DESC LIMIT ?",
        (pump_id, limit),
    ).fetchall()
    if not rows:
        abort(404)
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(port=5001)
