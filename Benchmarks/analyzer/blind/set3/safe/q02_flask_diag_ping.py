import ipaddress
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


def run_diag(tool, target, count=3):
    args = [tool, "-c", str(count), "-W", "2", target]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=30)
    return proc.returncode, proc.stdout


@app.route("/admin/diag/ping")
def ping():
    host = request.args.get("host", "").strip()
    try:
        addr = ipaddress.ip_address(host)
    except ValueError:
        return jsonify(error="host must be an IP address"), 400
    code, out = run_diag("ping", str(addr))
    return jsonify(code=code, output=out.splitlines())
