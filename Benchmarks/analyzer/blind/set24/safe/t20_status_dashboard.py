"""Internal status dashboard that aggregates health checks of our services."""
import concurrent.futures
import os
import time

import requests
from flask import Flask, jsonify, render_template

app = Flask(__name__)
app.secret_key = os.environ["DASHBOARD_SECRET_KEY"]

SERVICES = {
    "api": "https://api.internal.example.com/healthz",
    "billing": "https://billing.internal.example.com/healthz",
    "search": "https://search.internal.example.com/healthz",
    "notifications": "https://notify.internal.example.com/healthz",
}
CHECK_TIMEOUT = 3


def check(name, url):
    started = time.monotonic()
    try:
        resp = requests.get(url, timeout=CHECK_TIMEOUT)
        healthy = resp.status_code == 200
        detail = resp.json().get("status", "unknown") if healthy else f"HTTP {resp.status_code}"
    except (requests.RequestException, ValueError) as exc:
        healthy, detail = False, type(exc).__name__
    return {
        "name": name,
        "healthy": healthy,
        "detail": detail,
        "latency_ms": round((time.monotonic() - started) * 1000),
    }


def check_all():
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(SERVICES)) as pool:
        futures = [pool.submit(check, name, url) for name, url in SERVICES.items()]
        return sorted((f.result() for f in futures), key=lambda r: r["name"])


@app.route("/")
def index():
    results = check_all()
    return render_template("status.html", results=results, all_ok=all(r["healthy"] for r in results))


@app.route("/api/status")
def api_status():
    return jsonify(check_all())


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080, debug=False)
