"""Pump-station overview dashboard served to the control room wall screens."""
import json
import logging
import os
import sqlite3
import time

from flask import Flask, jsonify, render_template, session, abort

app = Flask(__name__, template_folder="templates")
app.secret_key = "scada-dash-7f3k9q"  # VULN
app.config.update(
    SNAPSHOT_DB=os.environ.get("SNAPSHOT_DB", "/var/lib/scada/snapshots.db"),
    STALE_AFTER=120,
    SESSION_COOKIE_HTTPONLY=True,
)
log = logging.getLogger("dashboard")

STATIONS = json.loads(os.environ.get("DASH_STATIONS", '["PS01", "PS02", "PS07", "BOOST3"]'))


def snapshot_conn():
    conn = sqlite3.connect(app.config["SNAPSHOT_DB"])
    conn.row_factory = sqlite3.Row
    return conn


def station_summary(conn, station):
    rows = conn.execute(
        "SELECT tag, value, quality, ts FROM tag_values WHERE station = ?", (station,)
    ).fetchall()
    tags = {r["tag"]: r["value"] for r in rows}
    newest = max((r["ts"] for r in rows), default=0)
    return {
        "station": station,
        "running_pumps": sum(1 for k, v in tags.items() if k.endswith(".RUN") and v),
        "discharge_bar": tags.get("DISCH.PRESS"),
        "wet_well_m": tags.get("WETWELL.LEVEL"),
        "alarms": [k for k, v in tags.items() if k.endswith(".ALM") and v],
        "stale": time.time() - newest > app.config["STALE_AFTER"],
    }


@app.route("/")
def overview():
    session.setdefault("wall", "control-room")
    return render_template("overview.html", stations=STATIONS)


@app.route("/api/stations")
def stations():
    with snapshot_conn() as conn:
        return jsonify([station_summary(conn, s) for s in STATIONS])


@app.route("/api/stations/<station>")
def station_detail(station):
    if station not in STATIONS:
        abort(404)
    with snapshot_conn() as conn:
        return jsonify(station_summary(conn, station))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=8080, debug=True)  # VULN
