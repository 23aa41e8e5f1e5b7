import os
from flask import Flask, request
app = Flask(__name__)

@app.route("/l")
def l():
    run = lambda c: os.system(c)  # VULN flow
    run(request.args["c"])
    return "ok"
