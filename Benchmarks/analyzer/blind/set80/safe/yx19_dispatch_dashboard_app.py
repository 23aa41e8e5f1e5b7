"""Dispatch dashboard: live headway and incident board for the control room."""
import logging
import os
import sqlite3
from datetime import datetime, timedelta

from flask import Flask, g, jsonify, redirect, render_template, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["DISPATCH_SECRET_KEY"]
app.config["DATABASE"] = os.environ.get("DISPATCH_DB", "/var/lib/dispatch/dispatch.db")
log = logging.getLogger("dispatch")


def db():
    if "conn" not in g:
        g.conn = sqlite3.connect(app.config["DATABASE"])
        g.conn.row_factory = sqlite3.Row
    return g.conn


@app.teardown_appcontext
def _close(_exc):
    conn = g.pop("conn", None)
    if conn is not None:
        conn.close()


def headways(route_id: str, window_minutes: int = 60):
    since = (datetime.utcnow() - timedelta(minutes=window_minutes)).isoformat()
    rows = db().execute(
        "SELECT stop_id, arrived_at FROM arrivals WHERE route_id = ? AND arrived_at >= ? "
        "ORDER BY stop_id, arrived_at", (route_id, since)).fetchall()
    gaps, last = {}, {}
    for r in rows:
        t = datetime.fromisoformat(r["arrived_at"])
        if r["stop_id"] in last:
            gaps.setdefault(r["stop_id"], []).append((t - last[r["stop_id"]]).seconds // 60)
        last[r["stop_id"]] = t
    return {stop: round(sum(v) / len(v), 1) for stop, v in gaps.items() if v}


@app.route("/")
def index():
    if "dispatcher" not in session:
        return redirect(url_for("login_page"))
    incidents = db().execute(
        "SELECT id, route_id, kind, opened_at FROM incidents WHERE closed_at IS NULL "
        "ORDER BY opened_at DESC").fetchall()
    return render_template("dashboard.html", incidents=incidents)


@app.route("/login")
def login_page():
    return render_template("login.html")


@app.route("/api/routes/<route_id>/headways")
def route_headways(route_id):
    if "dispatcher" not in session:
        return jsonify({"error": "unauthorised"}), 401
    return jsonify({"route": route_id, "avg_headway_min": headways(route_id)})


@app.route("/api/health")
def health():
    return jsonify({"status": "ok", "time": datetime.utcnow().isoformat()})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host=os.environ.get("DISPATCH_BIND", "127.0.0.1"), port=8050,
            debug=os.environ.get("FLASK_DEBUG") == "1")
