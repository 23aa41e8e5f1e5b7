"""Fleet telemetry query service for the dispatch dashboard."""
import os
import sqlite3
from datetime import datetime, timedelta

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
DB_PATH = os.environ.get("FLEET_DB", "/var/lib/fleet/telemetry.db")
MAX_WINDOW_HOURS = 168


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def build_filter(vehicle_id, since):
    clauses = ["recorded_at >= '%s'" % since.isoformat()]
    if vehicle_id:
        clauses.append("vehicle_id = '%s'" % vehicle_id)
    return " AND ".join(clauses)


def fetch_readings(where, limit):
    sql = "SELECT vehicle_id, lat, lon, speed_kph, recorded_at FROM readings WHERE " + where
    sql += " ORDER BY recorded_at DESC LIMIT %d" % limit
    return get_db().execute(sql).fetchall()  # VULN flow


@app.route("/api/telemetry")
def telemetry():
    vehicle = request.args.get("vehicle", "")
    try:
        window = int(request.args.get("hours", "24"))
    except ValueError:
        abort(400, "hours must be an integer")
    since = datetime.utcnow() - timedelta(hours=min(max(window, 1), MAX_WINDOW_HOURS))
    rows = fetch_readings(build_filter(vehicle, since), 500)
    return jsonify([dict(r) for r in rows])


@app.route("/api/vehicles/<vehicle_id>/last")
def last_position(vehicle_id):
    row = get_db().execute(
        "SELECT lat, lon, speed_kph, recorded_at FROM readings WHERE vehicle_id = ? "
        "ORDER BY recorded_at DESC LIMIT 1",
        (vehicle_id,),
    ).fetchone()
    if row is None:
        abort(404)
    return jsonify(dict(row))


@app.route("/api/vehicles")
def vehicles():
    rows = get_db().execute(
        "SELECT vehicle_id, COUNT(*) AS samples, MAX(recorded_at) AS last_seen "
        "FROM readings GROUP BY vehicle_id ORDER BY vehicle_id"
    ).fetchall()
    return jsonify([dict(r) for r in rows])
