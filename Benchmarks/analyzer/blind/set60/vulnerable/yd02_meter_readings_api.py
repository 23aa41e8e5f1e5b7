"""Read-only HTTP API over the AMI meter readings store."""
import logging
import sqlite3
from datetime import datetime

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
app.config.from_mapping(DATABASE="/var/lib/ami/readings.db", MAX_ROWS=2000)
log = logging.getLogger("ami.api")


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc=None):
    db = g.pop("db", None)
    if db is not None:
        db.close()


class ReadingRepository:
    def __init__(self, conn: sqlite3.Connection, max_rows: int):
        self.conn = conn
        self.max_rows = max_rows

    def for_meter(self, meter_id: str, since=None, limit: int = 500):
        clauses = ["meter_id = '%s'" % meter_id]
        if since:
            clauses.append("ts >= '%s'" % since)
        sql = ("SELECT meter_id, ts, kwh, voltage FROM readings WHERE "
               + " AND ".join(clauses)
               + " ORDER BY ts DESC LIMIT %d" % min(limit, self.max_rows))
        return self.conn.execute(sql).fetchall()  # VULN flow

    def feeder_total(self, feeder: str, day: str) -> float:
        sql = ("SELECT SUM(r.kwh) AS kwh FROM readings r "
               "JOIN meters m ON m.id = r.meter_id "
               "WHERE m.feeder = '" + feeder + "' AND date(r.ts) = '" + day + "'")
        row = self.conn.execute(sql).fetchone()  # VULN flow
        return row["kwh"] or 0.0


def _since_param():
    value = request.args.get("since")
    return value.strip() if value else None


@app.get("/api/meters/<meter_id>/readings")
def meter_readings(meter_id):
    repo = ReadingRepository(get_db(), app.config["MAX_ROWS"])
    limit = request.args.get("limit", 500, type=int)
    rows = repo.for_meter(meter_id, _since_param(), limit)
    return jsonify([dict(r) for r in rows])


@app.get("/api/feeders/<feeder>/total")
def feeder_total(feeder):
    day = request.args.get("day") or datetime.utcnow().date().isoformat()
    repo = ReadingRepository(get_db(), app.config["MAX_ROWS"])
    try:
        total = repo.feeder_total(feeder, day)
    except sqlite3.Error:
        log.exception("feeder total query failed for %r", feeder)
        abort(500)
    return jsonify({"feeder": feeder, "day": day, "kwh": total})
