"""Receives gate OCR events from lane kiosks and writes the gate audit trail."""
import logging
import re

from flask import Flask, jsonify, request

app = Flask(__name__)

audit = logging.getLogger("gate.audit")
_handler = logging.FileHandler("/var/log/terminal/gate_audit.log")
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(_handler)
audit.setLevel(logging.INFO)

CONTAINER_RE = re.compile(r"^[A-Z]{4}\d{7}$")
VALID_LANES = {str(n) for n in range(1, 13)}


class GateEvent:
    def __init__(self, payload: dict):
        self.lane = str(payload.get("lane", ""))
        self.plate = payload.get("truck_plate", "")
        self.container = payload.get("container_no", "")
        self.driver = payload.get("driver_name", "")
        self.direction = payload.get("direction", "IN")
        self.seal = payload.get("seal_no", "")

    def summary(self) -> str:
        return "lane=%s dir=%s plate=%s container=%s seal=%s driver=%s" % (
            self.lane,
            self.direction,
            self.plate,
            self.container,
            self.seal,
            self.driver,
        )


@app.route("/gate/events", methods=["POST"])
def gate_event():
    evt = GateEvent(request.get_json(force=True) or {})
    if evt.direction not in ("IN", "OUT") or evt.lane not in VALID_LANES:
        return jsonify(error="bad event"), 400
    audit.info("GATE %s", evt.summary())  # VULN flow
    if not CONTAINER_RE.match(evt.container or ""):
        audit.warning("OCR mismatch at lane %s, read container as %s", evt.lane, evt.container)  # VULN flow
        return jsonify(status="manual_check"), 202
    return jsonify(status="recorded")


@app.route("/gate/health")
def health():
    return jsonify(ok=True)
