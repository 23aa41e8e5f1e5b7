"""Small internal dashboard that plots metrics and derived series."""
import os
import statistics

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
PROM_URL = os.environ.get("PROM_URL", "http://prometheus:9090")
SERIES = {
    "rps": 'sum(rate(http_requests_total[5m]))',
    "errors": 'sum(rate(http_requests_total{code=~"5.."}[5m]))',
    "p95": 'histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))',
}


def fetch(name):
    resp = requests.get(f"{PROM_URL}/api/v1/query", params={"query": SERIES[name]}, timeout=5)
    resp.raise_for_status()
    result = resp.json()["data"]["result"]
    return float(result[0]["value"][1]) if result else 0.0


@app.route("/api/series/<name>")
def series(name):
    if name not in SERIES:
        return jsonify({"error": "unknown series"}), 404
    return jsonify({"name": name, "value": fetch(name)})


@app.route("/api/derived")
def derived():
    values = {name: fetch(name) for name in SERIES}
    values["mean"] = statistics.mean
    result = eval(request.args.get("formula", "0"), {"__builtins__": {}}, values)  # VULN
    return jsonify({"formula": request.args.get("formula"), "value": result})


if __name__ == "__main__":
    app.run(host=os.environ.get("DASH_HOST", "127.0.0.1"), port=8050, debug=True)  # VULN
