"""Enclosure environment dashboard for the night-watch team.

Shows the latest temperature / humidity / UV readings per enclosure and lets
supervisors acknowledge alarms.
"""
import logging
import os
import sqlite3
from datetime import datetime

from flask import Flask, flash, g, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["DASHBOARD_SECRET_KEY"]
app.config.update(
    DATABASE="/var/lib/zoo/sensors.db",
    ALARM_THRESHOLDS={"temp_c": (18.0, 34.0), "humidity": (40, 90), "uv_index": (0, 8)},
)
log = logging.getLogger("dashboard")


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


def latest_readings() -> list[dict]:
    rows = db().execute(
        "SELECT enclosure, metric, value, MAX(recorded_at) AS recorded_at "
        "FROM readings GROUP BY enclosure, metric ORDER BY enclosure"
    ).fetchall()
    out = []
    for r in rows:
        lo, hi = app.config["ALARM_THRESHOLDS"].get(r["metric"], (None, None))
        alarm = lo is not None and not (lo <= r["value"] <= hi)
        out.append({**dict(r), "alarm": alarm})
    return out


@app.route("/")
def index():
    if "supervisor" not in session:
        return redirect(url_for("login"))
    return render_template("dashboard.html", readings=latest_readings(), now=datetime.now())


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        badge = request.form.get("badge", "")
        row = db().execute("SELECT name FROM supervisors WHERE badge = ?", (badge,)).fetchone()
        if row:
            session["supervisor"] = row["name"]
            return redirect(url_for("index"))
        flash("Unknown badge")
    return render_template("login.html")


@app.route("/ack/<int:alarm_id>", methods=["POST"])
def acknowledge(alarm_id: int):
    if "supervisor" not in session:
        return redirect(url_for("login"))
    db().execute(
        "UPDATE alarms SET acked_by = ?, acked_at = CURRENT_TIMESTAMP WHERE id = ?",
        (session["supervisor"], alarm_id),
    )
    db().commit()
    return redirect(url_for("index"))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8080, debug=False)
