"""Cold-room monitoring dashboard for the pharma warehouse.

Shows the last hour of temperature readings per room and lets shift leads
acknowledge excursion alarms.
"""
import os
import sqlite3
from datetime import datetime, timedelta

from flask import Flask, flash, g, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = "coldroom-dash-2023-Qx81"  # VULN
app.config["DATABASE"] = os.environ.get("COLDROOM_DB", "/var/lib/coldroom/readings.db")

ROOMS = ["CR-01", "CR-02", "CR-03", "FRZ-01"]
LIMITS = {"CR": (2.0, 8.0), "FRZ": (-25.0, -15.0)}


def db():
    if "db" not in g:
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def _close(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def limits_for(room: str):
    return LIMITS[room.split("-")[0]]


@app.route("/")
def overview():
    since = (datetime.utcnow() - timedelta(hours=1)).isoformat()
    data = {}
    for room in ROOMS:
        rows = db().execute(
            "SELECT ts, celsius FROM readings WHERE room = ? AND ts >= ? ORDER BY ts",
            (room, since),
        ).fetchall()
        low, high = limits_for(room)
        data[room] = {
            "readings": [dict(r) for r in rows],
            "excursion": any(not (low <= r["celsius"] <= high) for r in rows),
        }
    return render_template("overview.html", rooms=data, user=session.get("user"))


@app.post("/alarms/<int:alarm_id>/ack")
def ack_alarm(alarm_id: int):
    if "user" not in session:
        return redirect(url_for("overview"))
    db().execute(
        "UPDATE alarms SET acked_by = ?, acked_at = ? WHERE id = ?",
        (session["user"], datetime.utcnow().isoformat(), alarm_id),
    )
    db().commit()
    flash("Alarm acknowledged")
    return redirect(url_for("overview"))


@app.post("/shift")
def start_shift():
    badge = request.form.get("badge", "")
    row = db().execute("SELECT name FROM staff WHERE badge = ?", (badge,)).fetchone()
    if row:
        session["user"] = row["name"]
    return redirect(url_for("overview"))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5080, debug=True)  # VULN
