import os

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/diagnostics/ping")
def ping():
    host = request.args.get("host", "")
    if not host:
        return jsonify(error="host required"), 400
    status = os.system("ping -c 1 -W 2 " + request.args["host"])  # VULN
    return jsonify(host=host, reachable=status == 0)
