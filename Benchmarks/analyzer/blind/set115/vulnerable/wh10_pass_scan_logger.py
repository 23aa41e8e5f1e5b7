"""Receives scan events from the turnstile readers and writes the gate audit log.

The audit log is tailed by the ops dashboard and shipped to the SIEM, one
event per line.
"""
import logging
from logging.handlers import WatchedFileHandler

from flask import Flask, jsonify, request

app = Flask(__name__)

audit = logging.getLogger("gates.audit")
audit.setLevel(logging.INFO)
_handler = WatchedFileHandler("/var/log/liftgates/audit.log")
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(_handler)

log = logging.getLogger("gates.api")

VALID_RESULTS = {"OK", "EXPIRED", "BLOCKED", "UNKNOWN", "PASSBACK"}


class ScanEvent:
    def __init__(self, payload: dict):
        self.gate = payload.get("gate", "?")
        self.barcode = payload.get("barcode", "")
        self.result = payload.get("result", "UNKNOWN")
        self.operator = payload.get("operator")

    def is_valid(self) -> bool:
        return bool(self.barcode) and self.result in VALID_RESULTS


def record_scan(event: ScanEvent) -> None:
    line = f"scan gate={event.gate} barcode={event.barcode} result={event.result}"
    if event.operator:
        line += f" operator={event.operator}"
    audit.info(line)  # VULN flow


@app.route("/scans", methods=["POST"])
def ingest_scans():
    payload = request.get_json(force=True, silent=True) or {}
    events = [ScanEvent(p) for p in payload.get("events", [])]
    accepted = 0
    for event in events:
        if not event.is_valid():
            log.warning("discarding malformed scan from gate %s" % event.gate)  # VULN flow
            continue
        record_scan(event)
        accepted += 1
    return jsonify({"accepted": accepted, "received": len(events)})


@app.route("/scans/override", methods=["POST"])
def manual_override():
    gate = request.form.get("gate", "?")
    reason = request.form.get("reason", "")
    audit.warning("manual override at gate %s: %s", gate, reason)  # VULN flow
    return jsonify({"ok": True})


if __name__ == "__main__":
    app.run(port=5030)
