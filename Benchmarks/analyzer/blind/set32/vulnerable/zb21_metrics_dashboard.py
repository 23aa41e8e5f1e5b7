"""Small on-call dashboard that summarises Prometheus metrics for the platform team."""
import logging
import os
from datetime import datetime, timezone

import requests
from flask import Flask, abort, jsonify, render_template

logger = logging.getLogger("oncall.dashboard")

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["DASHBOARD_SECRET_KEY"]

PROMETHEUS_URL = os.environ.get("PROMETHEUS_URL", "https://prometheus.ops.internal")
PANELS = {
    "error_rate": 'sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
    "p95_latency": "histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))",
    "queue_depth": "sum(rabbitmq_queue_messages_ready)",
    "disk_free": 'min(node_filesystem_avail_bytes{mountpoint="/"} / node_filesystem_size_bytes{mountpoint="/"})',
}


class PrometheusClient:
    def __init__(self, base_url, timeout=5):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()

    def instant(self, promql):
        resp = self.session.get(f"{self.base_url}/api/v1/query", params={"query": promql}, timeout=self.timeout)
        resp.raise_for_status()
        result = resp.json()["data"]["result"]
        return float(result[0]["value"][1]) if result else None


prom = PrometheusClient(PROMETHEUS_URL)


@app.get("/")
def index():
    return render_template("dashboard.html", panels=sorted(PANELS))


@app.get("/api/panels/<name>")
def panel(name):
    promql = PANELS.get(name)
    if promql is None:
        abort(404)
    try:
        value = prom.instant(promql)
    except (requests.RequestException, KeyError, ValueError):
        logger.exception("prometheus query failed for panel %s", name)
        return jsonify(panel=name, value=None, stale=True), 503
    return jsonify(panel=name, value=value, at=datetime.now(timezone.utc).isoformat())


def main():
    logging.basicConfig(level=logging.INFO)
    app.debug = True  # VULN
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8050")))  # VULN


if __name__ == "__main__":
    main()
