import os
from flask import Flask, request
app = Flask(__name__)

@app.route("/run", methods=["POST"])
def run():
    data = request.get_json()
    cmd = data["cmd"]
    os.system(cmd)  # VULN flow
    return "ok"
