import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


def ping_command(host, count=3):
    return f"ping -c {int(count)} -W 2 {host}"


def run_diagnostic(cmd):
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30)  # VULN flow
    return proc.returncode, proc.stdout


@app.route("/admin/diagnostics/ping", methods=["POST"])
def ping():
    payload = request.get_json(force=True)
    target = payload.get("host", "localhost")
    code, output = run_diagnostic(ping_command(target, payload.get("count", 3)))
    return jsonify({"ok": code == 0, "output": output})
