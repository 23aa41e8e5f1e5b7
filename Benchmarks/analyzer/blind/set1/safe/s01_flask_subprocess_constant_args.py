import subprocess

from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/version")
def version():
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    uptime = subprocess.check_output(["uptime", "-p"], text=True).strip()
    return jsonify(commit=commit, uptime=uptime)
