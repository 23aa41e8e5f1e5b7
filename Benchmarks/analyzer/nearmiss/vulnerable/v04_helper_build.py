import subprocess
from flask import Flask, request
app = Flask(__name__)

def build(name):
    return "tar czf /tmp/out.tgz " + name

@app.route("/archive")
def archive():
    cmd = build(request.args["name"])
    subprocess.Popen(cmd, shell=True)  # VULN flow
    return "ok"
