import os
from flask import Flask, request
app = Flask(__name__)

class Svc:
    def configure(self, cmd):
        self.cmd = cmd

    def run(self):
        os.system(self.cmd)  # VULN flow

@app.route("/s")
def s():
    svc = Svc()
    svc.configure(request.args["c"])
    svc.run()
    return "ok"
