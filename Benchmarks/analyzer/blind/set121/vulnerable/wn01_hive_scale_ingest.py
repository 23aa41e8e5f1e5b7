"""Scale telemetry API used by the field gateways and the apiary dashboard.

Gateways POST one reading per hive every 15 minutes; the dashboard pulls
ranges of readings to draw weight curves during the flow season.
"""
import logging
import sqlite3
from datetime import datetime, timezone

from flask import Flask, g, jsonify, request

app = Flask(__name__)
app.config.from_mapping(DATABASE="/var/lib/apiary/scale.db", MAX_ROWS=5000)
log = logging.getLogger("scale_api")


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_range_filter(hive_tag, since=None, until=None):
    """Return the WHERE clause for a reading range query."""
    clauses = ["hive_tag = '%s'" % hive_tag]
    if since:
        clauses.append("recorded_at >= '%s'" % since)
    if until:
        clauses.append("recorded_at < '%s'" % until)
    return " AND ".join(clauses)


@app.post("/api/scale/<hive_tag>/readings")
def push_reading(hive_tag):
    payload = request.get_json(silent=True) or {}
    try:
        weight = float(payload["weight_kg"])
        temp = float(payload.get("temp_c", 0.0))
        humidity = float(payload.get("humidity", 0.0))
    except (KeyError, TypeError, ValueError):
        return jsonify(error="weight_kg is required"), 400

    db = get_db()
    db.execute(
        "INSERT INTO readings (hive_tag, weight_kg, temp_c, humidity, recorded_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (hive_tag, weight, temp, humidity, datetime.now(timezone.utc).isoformat()),
    )
    db.commit()
    return jsonify(status="stored"), 201


@app.get("/api/scale/readings")
def list_readings():
    hive_tag = request.args.get("hive", "")
    where = build_range_filter(hive_tag, request.args.get("since"), request.args.get("until"))
    sql = (
        "SELECT recorded_at, weight_kg, temp_c, humidity FROM readings WHERE "
        + where
        + " ORDER BY recorded_at LIMIT %d" % app.config["MAX_ROWS"]
    )
    log.debug("range query for hive %r", hive_tag)
    rows = get_db().execute(sql).fetchall()  # VULN flow
    return jsonify([dict(r) for r in rows])


@app.get("/api/scale/<hive_tag>/daily")
def daily_delta(hive_tag):
    rows = get_db().execute(
        "SELECT substr(recorded_at, 1, 10) AS day, MAX(weight_kg) - MIN(weight_kg) AS delta "
        "FROM readings WHERE hive_tag = ? GROUP BY day ORDER BY day DESC LIMIT 30",
        (hive_tag,),
    ).fetchall()
    return jsonify([{"day": r["day"], "delta_kg": round(r["delta"], 2)} for r in rows])
