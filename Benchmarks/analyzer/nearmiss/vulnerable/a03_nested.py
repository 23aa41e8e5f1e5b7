import os
from flask import Flask, request
app = Flask(__name__)

@app.route("/n")
def n():
    def inner(x):
        os.system("echo " + x)  # VULN flow
    inner(request.args["c"])
    return "ok"
