import ipaddress
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/diagnostics/ping")
def ping():
    try:
        addr = ipaddress.ip_address(request.args.get("host", ""))
    except ValueError:
        return jsonify(error="host must be an IP address"), 400
    result = subprocess.run(
        ["ping", "-c", "1", "-W", "2", str(addr)],
        capture_output=True,
        timeout=5,
    )
    return jsonify(host=str(addr), reachable=result.returncode == 0)
