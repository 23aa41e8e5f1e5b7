import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


def run_diag(tool, target, count=3):
    line = f"{tool} -c {count} -W 2 {target}"
    proc = subprocess.run(line, shell=True, capture_output=True, text=True, timeout=30)  # VULN flow
    return proc.returncode, proc.stdout


@app.route("/admin/diag/ping")
def ping():
    host = request.args.get("host", "").strip()
    if not host:
        return jsonify(error="host required"), 400
    code, out = run_diag("ping", host)
    return jsonify(code=code, output=out.splitlines())


@app.route("/admin/diag/trace")
def trace():
    return jsonify(error="not implemented"), 501
