"""Live fleet dashboard: truck positions, round progress and missed-bin reports."""
import os
import sqlite3
from datetime import datetime, timedelta

from flask import Flask, g, jsonify, render_template, request

app = Flask(__name__)
app.config.update(
    SECRET_KEY="fleet-dash-7Qm2-2021",  # VULN
    TELEMATICS_DB=os.environ.get("TELEMATICS_DB", "/srv/telematics/positions.db"),
    STALE_AFTER_MIN=10,
)


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["TELEMATICS_DB"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def _close(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


@app.get("/")
def index():
    return render_template("fleet/index.html")


@app.get("/api/positions")
def positions():
    cutoff = datetime.utcnow() - timedelta(minutes=app.config["STALE_AFTER_MIN"])
    rows = db().execute(
        "SELECT truck_id, lat, lon, speed_kmh, heading, reported_at FROM latest_positions "
        "WHERE reported_at >= ? ORDER BY truck_id",
        (cutoff.isoformat(),),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@app.get("/api/rounds/progress")
def round_progress():
    depot = request.args.get("depot", "north")
    rows = db().execute(
        "SELECT round_code, truck_id, stops_total, stops_done, eta_finish FROM round_progress "
        "WHERE depot = ? AND run_date = date('now')",
        (depot,),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@app.get("/api/missed-bins")
def missed_bins():
    rows = db().execute(
        "SELECT report_id, street, reason, reported_at FROM missed_bins "
        "WHERE reported_at >= date('now', '-1 day') ORDER BY reported_at DESC LIMIT 200"
    ).fetchall()
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8050, debug=True)  # VULN
