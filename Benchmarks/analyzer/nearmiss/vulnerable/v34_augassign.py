import subprocess
from flask import Flask, request
app = Flask(__name__)

@app.route("/grep")
def grep():
    cmd = "grep "
    cmd += request.args["q"]
    cmd += " /var/log/app.log"
    return subprocess.getoutput(cmd)  # VULN flow
