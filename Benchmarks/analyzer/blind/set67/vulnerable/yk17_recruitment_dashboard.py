"""Recruitment dashboard for the oncology trial network.

Shows screening and enrolment counts per site. Run directly on the
reporting VM: ``python recruitment_dashboard.py``.
"""
import os
import sqlite3
from datetime import date, timedelta

from flask import Flask, g, jsonify, render_template, request, session

app = Flask(__name__)
app.secret_key = "recruit-dash-2024-onc-network"  # VULN

DB_PATH = os.environ.get("RECRUIT_DB", "/var/lib/recruitment/recruitment.sqlite")


def db():
    if "conn" not in g:
        g.conn = sqlite3.connect(DB_PATH)
        g.conn.row_factory = sqlite3.Row
    return g.conn


@app.teardown_appcontext
def _close(exc):
    conn = g.pop("conn", None)
    if conn is not None:
        conn.close()


def _since(days):
    return (date.today() - timedelta(days=days)).isoformat()


@app.get("/api/enrolment")
def enrolment():
    days = min(int(request.args.get("days", 90)), 730)
    rows = db().execute(
        "SELECT site_code, COUNT(*) AS screened, SUM(enrolled) AS enrolled "
        "FROM screening WHERE screened_on >= ? GROUP BY site_code ORDER BY enrolled DESC",
        (_since(days),),
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@app.get("/api/screen-failures")
def screen_failures():
    rows = db().execute(
        "SELECT failure_reason, COUNT(*) AS n FROM screening "
        "WHERE enrolled = 0 AND failure_reason IS NOT NULL "
        "GROUP BY failure_reason ORDER BY n DESC LIMIT 20"
    ).fetchall()
    return jsonify([dict(r) for r in rows])


@app.get("/")
def index():
    session.setdefault("range_days", 90)
    return render_template("dashboard.html", range_days=session["range_days"])


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8050, debug=True)  # VULN
