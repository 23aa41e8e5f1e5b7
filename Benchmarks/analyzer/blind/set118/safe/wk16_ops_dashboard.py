"""Ops dashboard for the wash site: tunnel throughput, chemical levels, bay status.

Runs on the site controller PC behind the car wash office.
"""
import logging
import os
import sqlite3
from datetime import datetime, timedelta

from flask import Flask, jsonify, render_template, session, redirect, url_for, request
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["OPS_DASHBOARD_SECRET"]
app.config["TELEMETRY_DB"] = "/var/lib/washctl/telemetry.db"

log = logging.getLogger("ops_dashboard")

CHEMICALS = ("presoak", "foam_polish", "tire_shine", "spot_free_rinse", "wax")


def telemetry():
    conn = sqlite3.connect(app.config["TELEMETRY_DB"])
    conn.row_factory = sqlite3.Row
    return conn


def login_required(fn):
    def wrapper(*args, **kwargs):
        if "manager" not in session:
            return redirect(url_for("login"))
        return fn(*args, **kwargs)

    wrapper.__name__ = fn.__name__
    return wrapper


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        with telemetry() as conn:
            row = conn.execute(
                "SELECT username, pw_hash FROM managers WHERE username = ?",
                (request.form.get("username", ""),),
            ).fetchone()
        if row and check_password_hash(row["pw_hash"], request.form.get("password", "")):
            session["manager"] = row["username"]
            return redirect(url_for("index"))
    return render_template("login.html")


@app.route("/")
@login_required
def index():
    return render_template("dashboard.html", chemicals=CHEMICALS)


@app.route("/api/throughput")
@login_required
def throughput():
    since = datetime.utcnow() - timedelta(hours=12)
    with telemetry() as conn:
        rows = conn.execute(
            "SELECT strftime('%H', ts) AS hour, COUNT(*) AS cars FROM tunnel_entries "
            "WHERE ts >= ? GROUP BY hour ORDER BY hour",
            (since.isoformat(),),
        ).fetchall()
    return jsonify([dict(r) for r in rows])


@app.route("/api/chemicals")
@login_required
def chemicals():
    with telemetry() as conn:
        rows = conn.execute(
            "SELECT name, level_pct, updated_at FROM chemical_tanks ORDER BY name"
        ).fetchall()
    return jsonify([dict(r) for r in rows])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8080, debug=False)
