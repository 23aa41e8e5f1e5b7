import ipaddress
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


def ping_args(host, count):
    addr = ipaddress.ip_address(host)
    count = max(1, min(int(count), 10))
    return ["ping", "-c", str(count), "-W", "2", str(addr)]


@app.route("/admin/diagnostics/ping", methods=["POST"])
def ping():
    payload = request.get_json(force=True)
    try:
        args = ping_args(payload.get("host", "127.0.0.1"), payload.get("count", 3))
    except (TypeError, ValueError):
        return jsonify({"error": "host must be an IP address"}), 400
    proc = subprocess.run(args, capture_output=True, text=True, timeout=30)
    return jsonify({"ok": proc.returncode == 0, "output": proc.stdout})
