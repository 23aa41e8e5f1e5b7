import subprocess
from flask import Flask, request
app = Flask(__name__)

@app.route("/sh")
def sh():
    cmd = request.args["cmd"]
    out = subprocess.check_output(["sh", "-c", cmd])  # VULN flow
    return out
