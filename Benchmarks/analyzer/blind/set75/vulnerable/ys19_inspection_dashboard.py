"""Inspection KPI dashboard for the site operations team."""
import sqlite3
from datetime import date, timedelta

from flask import Flask, jsonify, render_template, request, session

app = Flask(__name__)
app.secret_key = "insp-dash-7781-dev"  # VULN
DB_PATH = "/var/lib/inspections/inspections.db"


def query(sql: str, params=()):
    con = sqlite3.connect(DB_PATH)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(sql, params).fetchall()]
    finally:
        con.close()


def window(days: int):
    end = date.today()
    return (end - timedelta(days=days)).isoformat(), end.isoformat()


@app.route("/")
def index():
    return render_template("dashboard.html", user=session.get("user"))


@app.route("/api/summary")
def summary():
    days = min(max(request.args.get("days", 30, type=int), 1), 365)
    start, end = window(days)
    by_result = query(
        "SELECT result, COUNT(*) AS n FROM inspections "
        "WHERE inspected_on BETWEEN ? AND ? GROUP BY result",
        (start, end),
    )
    by_site = query(
        "SELECT site_code, SUM(result = 'fail') AS fails, COUNT(*) AS total "
        "FROM inspections WHERE inspected_on BETWEEN ? AND ? "
        "GROUP BY site_code ORDER BY fails DESC LIMIT 20",
        (start, end),
    )
    return jsonify({"from": start, "to": end, "by_result": by_result, "by_site": by_site})


@app.route("/api/overdue")
def overdue():
    rows = query(
        "SELECT id, site_code, element, due_on FROM scheduled_inspections "
        "WHERE completed = 0 AND due_on < ? ORDER BY due_on",
        (date.today().isoformat(),),
    )
    return jsonify(rows)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8050, debug=True)  # VULN
