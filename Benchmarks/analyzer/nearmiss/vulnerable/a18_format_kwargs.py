import os
from flask import Flask, request
app = Flask(__name__)

@app.route("/k")
def k():
    params = {"host": request.args["host"]}
    os.system("ping -c 1 {host}".format(**params))  # VULN flow
    return "ok"
