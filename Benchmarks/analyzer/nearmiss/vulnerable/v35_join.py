import os
from flask import Flask, request
app = Flask(__name__)

@app.route("/j")
def j():
    parts = ["echo", request.args["a"], request.args["b"]]
    os.system(" ".join(parts))  # VULN flow
    return "ok"
