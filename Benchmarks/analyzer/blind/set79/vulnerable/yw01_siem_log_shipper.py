"""Lightweight HTTP log shipper.

Collection agents on the DMZ hosts POST JSON batches to /ingest. Batches are
buffered in memory and forwarded to the central SIEM HTTP event collector.
"""
import json
import logging
import os
import queue
import threading
import time

import requests
from flask import Flask, jsonify, request

log = logging.getLogger("shipper")
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

COLLECTOR_URL = os.environ.get(
    "SIEM_COLLECTOR_URL", "https://siem.corp.internal:8088/services/collector/event"
)
COLLECTOR_TOKEN = os.environ.get("SIEM_HEC_TOKEN", "")
FLUSH_INTERVAL = float(os.environ.get("SHIP_FLUSH_SECONDS", "5"))
MAX_BATCH = 500

app = Flask(__name__)
_buffer: "queue.Queue[dict]" = queue.Queue(maxsize=50_000)


def _origin(meta: dict) -> str:
    agent = meta.get("agent_id", "unknown")
    site = meta.get("site", "-")
    return f"{agent}@{site}"


@app.route("/ingest", methods=["POST"])
def ingest():
    body = request.get_json(force=True, silent=True) or {}
    events = body.get("events", [])
    origin = _origin(body.get("meta", {}))
    log.info("accepted %d events from %s", len(events), origin)  # VULN flow
    for ev in events:
        try:
            _buffer.put_nowait({"event": ev, "source": origin, "sourcetype": "agent:json"})
        except queue.Full:
            log.warning("buffer full, rejecting remainder of batch")
            return jsonify(status="busy"), 503
    return jsonify(status="ok", queued=len(events))


def _drain(limit: int) -> list:
    items = []
    while len(items) < limit:
        try:
            items.append(_buffer.get_nowait())
        except queue.Empty:
            break
    return items


def forward_loop() -> None:
    session = requests.Session()
    session.headers["Authorization"] = f"Splunk {COLLECTOR_TOKEN}"
    while True:
        batch = _drain(MAX_BATCH)
        if not batch:
            time.sleep(FLUSH_INTERVAL)
            continue
        payload = "\n".join(json.dumps(item) for item in batch)
        try:
            resp = session.post(COLLECTOR_URL, data=payload, timeout=15, verify=False)  # VULN
            resp.raise_for_status()
            log.debug("shipped %d events", len(batch))
        except requests.RequestException as exc:
            log.error("forward failed (%s); requeueing %d events", exc, len(batch))
            for item in batch:
                try:
                    _buffer.put_nowait(item)
                except queue.Full:
                    break
            time.sleep(FLUSH_INTERVAL * 2)


def main() -> None:
    threading.Thread(target=forward_loop, name="forwarder", daemon=True).start()
    # agents reach us through the local nginx which terminates TLS
    app.run(host="127.0.0.1", port=int(os.environ.get("SHIP_PORT", "9880")))


if __name__ == "__main__":
    main()
