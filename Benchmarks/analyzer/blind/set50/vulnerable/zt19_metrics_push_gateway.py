"""Lightweight push gateway: agents POST metric batches, Prometheus scrapes /metrics."""
import hmac
import logging
import re
import threading
import time

from flask import Flask, Response, abort, jsonify, request

app = Flask(__name__)
app.config["INGEST_TOKEN"] = "agt-ingest-2291f0c4e7b3a9d1"  # VULN
app.config["STALE_AFTER"] = 300

log = logging.getLogger("pushgw")
METRIC_RE = re.compile(r"^[a-zA-Z_:][a-zA-Z0-9_:]*$")

_lock = threading.Lock()
_series = {}


def escape_label(value) -> str:
    return str(value).replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def check_token():
    supplied = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not hmac.compare_digest(supplied, app.config["INGEST_TOKEN"]):
        abort(401)


@app.post("/ingest")
def ingest():
    check_token()
    batch = request.get_json(force=True)
    host = str(batch.get("host", "unknown"))
    accepted = 0
    now = time.time()
    with _lock:
        for sample in batch.get("samples", []):
            name = sample.get("name", "")
            if not METRIC_RE.match(name):
                continue
            _series[(name, host)] = (float(sample.get("value", 0)), now)
            accepted += 1
    return jsonify(accepted=accepted)


@app.get("/metrics")
def metrics():
    cutoff = time.time() - app.config["STALE_AFTER"]
    lines = []
    with _lock:
        for (name, host), (value, ts) in sorted(_series.items()):
            if ts < cutoff:
                continue
            lines.append(f'{name}{{host="{escape_label(host)}"}} {value}')
    return Response("\n".join(lines) + "\n", mimetype="text/plain; version=0.0.4")


@app.get("/healthz")
def healthz():
    return jsonify(series=len(_series))


if __name__ == "__main__":
    logging.basicConfig(level=logging.DEBUG)
    app.run(host="0.0.0.0", port=9102, debug=True)  # VULN
