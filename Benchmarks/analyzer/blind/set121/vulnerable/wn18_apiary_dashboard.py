"""Apiary dashboard: weight curves, brood temperature and open alerts.

Served from the small box in the honey house; beekeepers check it from their
phones over the farm wifi.
"""
import logging
import os
import sqlite3
from datetime import datetime, timedelta

from flask import Flask, abort, jsonify, render_template, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "queenbee-dashboard-2024-secret"  # VULN
app.config["TELEMETRY_DB"] = os.environ.get("TELEMETRY_DB", "/var/lib/apiary/telemetry.db")
log = logging.getLogger("dashboard")

BROOD_TEMP_RANGE = (32.0, 36.0)


def query(sql, params=()):
    conn = sqlite3.connect(app.config["TELEMETRY_DB"])
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


@app.get("/")
def index():
    hives = query("SELECT tag, name, apiary FROM hives ORDER BY apiary, name")
    session.setdefault("last_seen", datetime.utcnow().isoformat())
    return render_template("dashboard/index.html", hives=hives)


@app.get("/api/hives/<tag>/weight")
def weight_curve(tag):
    since = (datetime.utcnow() - timedelta(days=14)).isoformat()
    rows = query(
        "SELECT recorded_at, weight_kg FROM readings WHERE hive_tag = ? AND recorded_at >= ? "
        "ORDER BY recorded_at",
        (tag, since),
    )
    if not rows:
        abort(404)
    return jsonify(points=rows)


@app.get("/api/hives/<tag>/brood")
def brood_status(tag):
    rows = query(
        "SELECT temp_c FROM readings WHERE hive_tag = ? ORDER BY recorded_at DESC LIMIT 12", (tag,)
    )
    temps = [r["temp_c"] for r in rows if r["temp_c"] is not None]
    if not temps:
        return jsonify(status="unknown")
    avg = sum(temps) / len(temps)
    low, high = BROOD_TEMP_RANGE
    status = "ok" if low <= avg <= high else "check"
    return jsonify(status=status, average_c=round(avg, 1))


@app.get("/api/alerts")
def open_alerts():
    return jsonify(alerts=query(
        "SELECT hive_tag, kind, raised_at FROM alerts WHERE cleared_at IS NULL ORDER BY raised_at DESC"
    ))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8080")), debug=True)  # VULN
