"""Network diagnostics endpoints for the NOC dashboard.

Operators use these from the internal status page while triaging
customer connectivity tickets.
"""
import ipaddress
import logging
import re
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("netdiag")

TRACEROUTE_BIN = "/usr/sbin/traceroute"
DEFAULT_HOPS = 20
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
HOSTNAME_RE = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")


def validate_target(value: str) -> str:
    """Return a normalised IP address or hostname, or raise ValueError."""
    value = value.strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        pass
    if len(value) <= 253 and HOSTNAME_RE.fullmatch(value):
        return value
    raise ValueError("invalid target")


def _run(argv: list, timeout: int = 30) -> str:
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        log.info("%s exited with status %d", argv[0], proc.returncode)
    return proc.stdout + proc.stderr


@app.route("/api/diag/ping")
def ping():
    try:
        host = validate_target(request.args.get("host", ""))
    except ValueError:
        return jsonify({"error": "invalid host"}), 400
    try:
        output = _run(["ping", "-c", "3", "-W", "2", host], timeout=15)
    except subprocess.TimeoutExpired:
        return jsonify({"error": "timeout"}), 504
    return jsonify({"host": host, "output": output})


@app.route("/api/diag/traceroute", methods=["POST"])
def traceroute():
    payload = request.get_json(silent=True) or {}
    try:
        target = validate_target(str(payload.get("target", "")))
        hops = max(1, min(int(payload.get("max_hops", DEFAULT_HOPS)), 64))
    except (TypeError, ValueError):
        return jsonify({"error": "invalid target or max_hops"}), 400

    try:
        output = _run([TRACEROUTE_BIN, "-m", str(hops), target], timeout=60)
    except subprocess.TimeoutExpired:
        return jsonify({"error": "timeout"}), 504
    return jsonify({"target": target, "hops": hops, "output": output})
