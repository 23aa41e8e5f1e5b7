"""Small KPI dashboard for the finance back office."""
import datetime as dt
import logging
import os

from flask import Flask, jsonify, render_template, request
from sqlalchemy import create_engine, text

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["FINANCE_DASH_SECRET_KEY"]
app.config["WAREHOUSE_URL"] = os.environ.get("WAREHOUSE_URL", "postgresql:///warehouse")

engine = create_engine(app.config["WAREHOUSE_URL"], pool_pre_ping=True)
log = logging.getLogger("kpi")

KPI_QUERIES = {
    "mrr": "SELECT date_trunc('day', ts) AS d, sum(amount) FROM subscriptions_mrr "
           "WHERE ts >= :since GROUP BY 1 ORDER BY 1",
    "churn": "SELECT date_trunc('week', churned_at) AS d, count(*) FROM churn_events "
             "WHERE churned_at >= :since GROUP BY 1 ORDER BY 1",
    "signups": "SELECT date_trunc('day', created_at) AS d, count(*) FROM accounts "
               "WHERE created_at >= :since GROUP BY 1 ORDER BY 1",
}


def _since(days_param):
    try:
        days = max(1, min(int(days_param), 365))
    except (TypeError, ValueError):
        days = 30
    return dt.date.today() - dt.timedelta(days=days)


@app.route("/")
def index():
    return render_template("dashboard.html", kpis=sorted(KPI_QUERIES))


@app.route("/api/kpi/<name>")
def kpi(name):
    sql = KPI_QUERIES.get(name)
    if sql is None:
        return jsonify({"error": "unknown kpi"}), 404
    with engine.connect() as conn:
        rows = conn.execute(text(sql), {"since": _since(request.args.get("days"))}).all()
    return jsonify([{"date": r[0].isoformat(), "value": float(r[1])} for r in rows])


@app.errorhandler(500)
def on_error(exc):
    log.exception("dashboard error")
    return jsonify({"error": "internal error"}), 500


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8050, debug=os.environ.get("FLASK_DEBUG") == "1")
