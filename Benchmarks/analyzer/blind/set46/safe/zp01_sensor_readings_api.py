"""Read-side API for the sensor telemetry store.

Field gateways push readings into per-metric tables; this service is what the
ops dashboard and the customer portal query.
"""
import logging
import sqlite3
from datetime import datetime, timedelta

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("telemetry.readings")

DB_PATH = "/var/lib/telemetry/readings.db"
ALLOWED_METRICS = {"temperature", "humidity", "pressure", "battery"}
MAX_ROWS = 5000


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


def build_filters(args):
    """Translate query-string filters into a WHERE fragment plus parameters."""
    clauses = []
    params = []
    device = args.get("device")
    if device:
        clauses.append("device_id = ?")
        params.append(device)
    site = args.get("site")
    if site:
        clauses.append("site_code = ?")
        params.append(site)
    since_hours = int(args.get("since_hours", "24"))
    cutoff = datetime.utcnow() - timedelta(hours=since_hours)
    clauses.append("ts >= ?")
    params.append(cutoff.isoformat())
    return " AND ".join(clauses), params


@app.route("/api/readings/<metric>")
def readings(metric):
    if metric not in ALLOWED_METRICS:
        return jsonify(error="unknown metric"), 404
    where, params = build_filters(request.args)
    limit = min(int(request.args.get("limit", 500)), MAX_ROWS)
    sql = (
        f"SELECT device_id, site_code, ts, value FROM {metric} "
        f"WHERE {where} ORDER BY ts DESC LIMIT ?"
    )
    rows = get_db().execute(sql, (*params, limit)).fetchall()
    log.info("returned %d %s rows", len(rows), metric)
    return jsonify([dict(r) for r in rows])


@app.route("/api/devices/search")
def search_devices():
    db = get_db()
    cur = db.execute("SELECT device_id, label, firmware FROM devices WHERE label LIKE ? LIMIT 50", ("%" + request.args.get("q", "") + "%",))
    return jsonify([dict(r) for r in cur.fetchall()])


@app.route("/api/devices/<device_id>/latest")
def latest(device_id):
    db = get_db()
    out = {}
    for metric in sorted(ALLOWED_METRICS):
        row = db.execute(
            f"SELECT ts, value FROM {metric} WHERE device_id = ? ORDER BY ts DESC LIMIT 1",
            (device_id,),
        ).fetchone()
        out[metric] = dict(row) if row else None
    return jsonify(device=device_id, latest=out)
