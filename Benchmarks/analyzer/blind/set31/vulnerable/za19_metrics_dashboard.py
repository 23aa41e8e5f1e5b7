"""Internal metrics dashboard for the operations team."""
import logging
import os

import requests
from flask import Flask, abort, jsonify, render_template

app = Flask(__name__)
logger = logging.getLogger("dashboard")

PROMETHEUS_URL = os.environ.get("PROMETHEUS_URL", "http://prometheus.internal:9090")
PANELS = {
    "http_requests": "sum(rate(http_requests_total[5m])) by (service)",
    "http_errors": 'sum(rate(http_requests_total{status=~"5.."}[5m])) by (service)',
    "queue_depth": "max(celery_queue_length) by (queue)",
    "db_connections": "sum(pg_stat_activity_count) by (datname)",
}
RANGES = {"1h": 3600, "6h": 21600, "24h": 86400}


def query_prometheus(expr):
    resp = requests.get(
        f"{PROMETHEUS_URL}/api/v1/query",
        params={"query": expr},
        timeout=5,
    )
    resp.raise_for_status()
    payload = resp.json()
    if payload.get("status") != "success":
        raise RuntimeError("prometheus query failed")
    return payload["data"]["result"]


def _series(result):
    return [
        {"labels": item["metric"], "value": float(item["value"][1])}
        for item in result
    ]


@app.route("/")
def index():
    return render_template("dashboard.html", panels=sorted(PANELS), ranges=sorted(RANGES))


@app.route("/api/panels/<name>")
def panel(name):
    expr = PANELS.get(name)
    if expr is None:
        abort(404)
    try:
        result = query_prometheus(expr)
    except (requests.RequestException, RuntimeError, ValueError):
        logger.exception("panel %r failed", name)
        return jsonify(error="metrics backend unavailable"), 502
    return jsonify(panel=name, series=_series(result))


@app.route("/healthz")
def healthz():
    return jsonify(status="ok")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="0.0.0.0", port=int(os.environ.get("DASHBOARD_PORT", "8050")), debug=True)  # VULN
