import os
from flask import Flask, request
app = Flask(__name__)

class Runner:
    def __init__(self, command):
        self.command = command

    def go(self):
        os.system(self.command)  # VULN flow

@app.route("/r")
def r():
    Runner(request.args["c"]).go()
    return "ok"
