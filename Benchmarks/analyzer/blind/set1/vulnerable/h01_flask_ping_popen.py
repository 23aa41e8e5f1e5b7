import os

from flask import Flask, jsonify, request

app = Flask(__name__)


def build_ping_cmd(host, count=3):
    return "ping -c {} {}".format(count, host)


@app.route("/diag/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    cmd = build_ping_cmd(host)
    output = os.popen(cmd).read()  # VULN flow
    return jsonify({"host": host, "output": output})
