"""Thermostat schedule service for the home hub.

Exposes the per-zone heating/cooling schedule to the mobile app.
"""
import logging
import sqlite3
from datetime import datetime

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("thermo.schedule")

DB_PATH = "/var/lib/homehub/thermostat.db"
VALID_DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}


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


def build_filter(zone, day):
    clauses = ["zone = ?"]
    params = [zone]
    if day:
        clauses.append("day = ?")
        params.append(day)
    return " AND ".join(clauses), params


@app.route("/api/zones/<zone>/schedule")
def list_schedule(zone):
    day = request.args.get("day", "").lower()
    where, params = build_filter(zone, day)
    sql = ("SELECT id, day, start_time, setpoint FROM schedule WHERE "
           + where + " ORDER BY day, start_time")
    rows = get_db().execute(sql, params).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/zones/<zone>/schedule", methods=["POST"])
def add_entry(zone):
    body = request.get_json(force=True) or {}
    day = str(body.get("day", "")).lower()
    if day not in VALID_DAYS:
        return jsonify(error="bad day"), 400
    try:
        setpoint = float(body["setpoint"])
        start = datetime.strptime(body["start"], "%H:%M").strftime("%H:%M")
    except (KeyError, ValueError, TypeError):
        return jsonify(error="invalid entry"), 400
    if not 5.0 <= setpoint <= 32.0:
        return jsonify(error="setpoint out of range"), 400
    db = get_db()
    db.execute(
        "INSERT INTO schedule (zone, day, start_time, setpoint) VALUES (?, ?, ?, ?)",
        (zone, day, start, setpoint),
    )
    db.commit()
    log.info("schedule entry added for zone %r", zone)
    return jsonify(status="ok"), 201


@app.route("/api/zones/<zone>/schedule/<int:entry_id>", methods=["DELETE"])
def delete_entry(zone, entry_id):
    db = get_db()
    cur = db.execute("DELETE FROM schedule WHERE id = ? AND zone = ?", (entry_id, zone))
    db.commit()
    if cur.rowcount == 0:
        return jsonify(error="not found"), 404
    return "", 204
