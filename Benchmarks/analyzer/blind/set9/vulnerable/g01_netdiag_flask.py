"""Network diagnostics endpoints for the NOC dashboard.

Operators use these from the internal status page while triaging
customer connectivity tickets.
"""
import logging
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("netdiag")

TRACEROUTE_BIN = "/usr/sbin/traceroute"
DEFAULT_HOPS = 20


def _run(cmd: str, timeout: int = 30) -> str:
    """Run a diagnostic command and return its combined output."""
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=timeout)  # VULN flow
    if proc.returncode != 0:
        log.info("diagnostic exited with status %d", proc.returncode)
    return proc.stdout + proc.stderr


@app.route("/api/diag/ping")
def ping():
    try:
        out = subprocess.check_output(f"ping -c 3 -W 2 {request.args.get('host', '')}", shell=True, stderr=subprocess.STDOUT, timeout=15)  # VULN
    except subprocess.CalledProcessError as exc:
        out = exc.output
    except subprocess.TimeoutExpired:
        return jsonify({"error": "timeout"}), 504
    return jsonify({"output": out.decode(errors="replace")})


@app.route("/api/diag/traceroute", methods=["POST"])
def traceroute():
    payload = request.get_json(silent=True) or {}
    target = payload.get("target", "")
    try:
        hops = max(1, min(int(payload.get("max_hops", DEFAULT_HOPS)), 64))
    except (TypeError, ValueError):
        return jsonify({"error": "max_hops must be an integer"}), 400
    if not target:
        return jsonify({"error": "target required"}), 400

    cmd = f"{TRACEROUTE_BIN} -m {hops} {target}"
    try:
        output = _run(cmd, timeout=60)
    except subprocess.TimeoutExpired:
        return jsonify({"error": "timeout"}), 504
    return jsonify({"hops": hops, "output": output})
