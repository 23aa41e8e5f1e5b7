"""Operations dashboard for the weather-station network (deployed on the NOC host)."""
import logging
import os
import sqlite3
from datetime import datetime, timedelta, timezone

from flask import Flask, g, jsonify, render_template, session

app = Flask(__name__)
app.config.update(
    SESSION_COOKIE_HTTPONLY=True,
    DATABASE=os.environ.get("NOC_DB", "/var/lib/wxnet/noc.db"),
)
app.config["SECRET_KEY"] = os.environ["NOC_DASHBOARD_SECRET"]
log = logging.getLogger("noc.dashboard")


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def station_health(window_minutes: int = 30):
    cutoff = (datetime.now(timezone.utc) - timedelta(minutes=window_minutes)).isoformat()
    rows = db().execute(
        """
        SELECT s.station_id, s.name, MAX(h.received_at) AS last_seen, MIN(h.battery_v) AS min_batt
        FROM stations s LEFT JOIN heartbeats h ON h.station_id = s.station_id AND h.received_at >= ?
        GROUP BY s.station_id ORDER BY s.station_id
        """,
        (cutoff,),
    ).fetchall()
    return [dict(r) for r in rows]


@app.route("/")
def index():
    stations = station_health()
    offline = [s for s in stations if s["last_seen"] is None]
    return render_template("dashboard.html", stations=stations, offline=offline,
                           user=session.get("user"))


@app.route("/api/health")
def api_health():
    return jsonify(station_health())


@app.route("/api/alerts/open")
def open_alerts():
    rows = db().execute(
        "SELECT id, station_id, kind, opened_at FROM noc_alerts WHERE closed_at IS NULL"
    ).fetchall()
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", 5000)),
            debug=os.environ.get("FLASK_DEBUG") == "1")
