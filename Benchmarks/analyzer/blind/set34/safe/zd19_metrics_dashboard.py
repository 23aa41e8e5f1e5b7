"""Small SRE dashboard that proxies a fixed set of Prometheus queries."""
import os
import time

import requests
from flask import Flask, abort, jsonify, render_template

app = Flask(__name__)

PROM_URL = os.environ.get("PROMETHEUS_URL", "http://prometheus.monitoring.svc:9090")
PANELS = {
    "error_rate": 'sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
    "p95_latency": "histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))",
    "queue_depth": "sum(rabbitmq_queue_messages_ready)",
    "pods_ready": 'sum(kube_pod_status_ready{condition="true"})',
}
_cache = {}
CACHE_TTL = 15


def query(expr):
    cached = _cache.get(expr)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    resp = requests.get(f"{PROM_URL}/api/v1/query", params={"query": expr}, timeout=5)
    resp.raise_for_status()
    result = resp.json()["data"]["result"]
    _cache[expr] = (time.monotonic() + CACHE_TTL, result)
    return result


@app.route("/")
def index():
    return render_template("dashboard.html", panels=sorted(PANELS))


@app.route("/api/panels/<name>")
def panel(name):
    expr = PANELS.get(name)
    if expr is None:
        abort(404)
    try:
        result = query(expr)
    except requests.RequestException:
        abort(502)
    value = float(result[0]["value"][1]) if result else None
    return jsonify({"panel": name, "value": value, "ts": int(time.time())})


@app.route("/healthz")
def healthz():
    return jsonify({"status": "ok", "panels": len(PANELS)})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8050, debug=False)
