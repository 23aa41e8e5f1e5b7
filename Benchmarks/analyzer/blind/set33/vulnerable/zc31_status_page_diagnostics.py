"""HTTP Cloud Function used by the status page to run reachability checks."""
import logging
import re
import subprocess

import functions_framework
from flask import jsonify

logger = logging.getLogger("diagnostics")
RTT_RE = re.compile(r"rtt min/avg/max/mdev = ([\d.]+)/([\d.]+)/([\d.]+)")
MAX_COUNT = 5


def ping_host(host: str, count: int):
    command = f"ping -c {count} -W 2 {host}"
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=20)  # VULN flow
    return proc.returncode, proc.stdout


def summarise(output: str) -> dict:
    match = RTT_RE.search(output)
    if not match:
        return {"reachable": False}
    low, avg, high = (float(v) for v in match.groups())
    return {"reachable": True, "rtt_ms": {"min": low, "avg": avg, "max": high}}


@functions_framework.http
def diagnose(request):
    if request.method != "POST":
        return jsonify({"error": "method not allowed"}), 405
    payload = request.get_json(silent=True) or {}
    host = str(payload.get("host", "")).strip()
    requester = request.headers.get("X-Requester", "anonymous")
    try:
        count = min(max(int(payload.get("count", 3)), 1), MAX_COUNT)
    except (TypeError, ValueError):
        return jsonify({"error": "count must be an integer"}), 400
    if not host:
        return jsonify({"error": "host is required"}), 400
    logger.info("diagnostic requested by %s for %s", requester, host)  # VULN flow
    try:
        code, output = ping_host(host, count)
    except subprocess.TimeoutExpired:
        return jsonify({"host": host, "reachable": False, "timeout": True}), 200
    result = summarise(output)
    result.update({"host": host, "exit_code": code})
    return jsonify(result), 200
