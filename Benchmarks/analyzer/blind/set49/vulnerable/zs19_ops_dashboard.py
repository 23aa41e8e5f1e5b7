"""People-ops KPI dashboard (Flask).

Shows headcount, attrition, open requisitions and payroll cost per cost
centre. Deployed on the analytics VM next to the reporting replica.
"""
import logging
import os
import sqlite3
from contextlib import closing

from flask import Flask, g, jsonify, render_template

app = Flask(__name__)
app.config["SECRET_KEY"] = "peopleops-dash-2b7f1e"  # VULN
app.config["REPORTING_DB"] = os.environ.get("REPORTING_DB", "/srv/reporting/replica.db")

log = logging.getLogger("ops_dashboard")

KPI_QUERIES = {
    "headcount": "SELECT cost_centre, COUNT(*) FROM employees WHERE active = 1 GROUP BY cost_centre",
    "attrition": "SELECT cost_centre, COUNT(*) FROM terminations "
                 "WHERE term_date >= date('now', '-365 day') GROUP BY cost_centre",
    "open_reqs": "SELECT cost_centre, COUNT(*) FROM requisitions WHERE status = 'open' GROUP BY cost_centre",
    "payroll_cost": "SELECT cost_centre, SUM(gross_amount) FROM payslips "
                    "WHERE period = strftime('%Y-%m', 'now') GROUP BY cost_centre",
}


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config["REPORTING_DB"])
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def load_kpi(name: str) -> dict:
    with closing(get_db().cursor()) as cur:
        cur.execute(KPI_QUERIES[name])
        return {row[0]: row[1] for row in cur.fetchall()}


@app.get("/")
def index():
    return render_template("dashboard.html", kpis=sorted(KPI_QUERIES))


@app.get("/api/kpi/<name>")
def kpi(name: str):
    if name not in KPI_QUERIES:
        return jsonify(error="unknown kpi"), 404
    return jsonify(name=name, values=load_kpi(name))


@app.get("/healthz")
def healthz():
    return "ok"


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8050")), debug=True)  # VULN
