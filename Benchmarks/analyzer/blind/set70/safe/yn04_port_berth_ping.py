"""Network diagnostics for berth-side equipment (crane PLCs, gate OCR boxes)."""
import logging
import re
import subprocess
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("berth_diag")

KNOWN_BERTHS = {"B1", "B2", "B3", "B4", "RORO", "BULK1"}
HOST_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$")


@dataclass
class ProbeTarget:
    berth: str
    host: str
    count: int = 3


class BerthProbe:
    def __init__(self, target: ProbeTarget):
        self.target = target

    def _ping_command(self) -> list:
        return ["ping", "-c", str(self.target.count), "-W", "2", self.target.host]

    def ping(self) -> dict:
        cmd = self._ping_command()
        log.info("probing equipment on berth %r", self.target.berth)
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        return {"rc": proc.returncode, "output": proc.stdout[-2000:]}

    def trace(self) -> str:
        cmd = ["traceroute", "-m", "8", "-w", "2", self.target.host]
        try:
            return subprocess.check_output(cmd, text=True, timeout=60)
        except subprocess.CalledProcessError as exc:
            return exc.output or ""


def _target_from_request(req) -> ProbeTarget:
    body = req.get_json(silent=True) or {}
    berth = str(body.get("berth", "")).upper()
    if berth not in KNOWN_BERTHS:
        raise ValueError("unknown berth")
    host = str(body.get("host", "")).strip()
    if not HOST_RE.match(host):
        raise ValueError("invalid host")
    count = max(1, min(int(body.get("count", 3)), 10))
    return ProbeTarget(berth=berth, host=host, count=count)


@app.route("/diagnostics/ping", methods=["POST"])
def ping_equipment():
    try:
        target = _target_from_request(request)
    except ValueError as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(BerthProbe(target).ping())


@app.route("/diagnostics/trace", methods=["POST"])
def trace_equipment():
    try:
        target = _target_from_request(request)
    except ValueError as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(route=BerthProbe(target).trace())
