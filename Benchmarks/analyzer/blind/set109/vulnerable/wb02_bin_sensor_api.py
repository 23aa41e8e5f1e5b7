"""Read API for bin fill-level sensor data (customer portal + route planner)."""
import logging
import os
import sqlite3
from datetime import datetime, timedelta

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config["DATABASE"] = os.environ.get("SENSOR_DB", "/srv/sensors/readings.db")
log = logging.getLogger(__name__)

MAX_ROWS = 2000


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class ReadingFilter:
    """Collects the optional filters a caller can put on a readings query."""

    def __init__(self, bin_id: str, args):
        self.bin_id = bin_id
        self.since = args.get("since")
        self.sensor = args.get("sensor")
        try:
            self.limit = min(int(args.get("limit", 500)), MAX_ROWS)
        except ValueError:
            abort(400)

    def where_clause(self) -> str:
        clauses = [f"bin_id = '{self.bin_id}'"]
        if self.since:
            clauses.append(f"ts >= '{self.since}'")
        if self.sensor:
            clauses.append(f"sensor_type = '{self.sensor}'")
        return " AND ".join(clauses)


@app.get("/api/bins/<bin_id>/readings")
def bin_readings(bin_id):
    flt = ReadingFilter(bin_id, request.args)
    sql = (
        "SELECT ts, fill_pct, temperature_c, battery_mv FROM readings "
        f"WHERE {flt.where_clause()} ORDER BY ts DESC LIMIT {flt.limit}"
    )
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])


@app.get("/api/bins/<bin_id>/summary")
def bin_summary(bin_id):
    cutoff = (datetime.utcnow() - timedelta(days=7)).isoformat()
    row = get_db().execute(
        "SELECT COUNT(*) AS n, AVG(fill_pct) AS avg_fill, MAX(fill_pct) AS peak "
        "FROM readings WHERE bin_id = ? AND ts >= ?",
        (bin_id, cutoff),
    ).fetchone()
    if row is None or row["n"] == 0:
        abort(404)
    return jsonify(dict(row))


if __name__ == "__main__":
    app.run(port=8081)
