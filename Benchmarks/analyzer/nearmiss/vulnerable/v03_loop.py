import subprocess
from flask import Flask, request
app = Flask(__name__)

@app.route("/batch")
def batch():
    hosts = request.args.getlist("host")
    for h in hosts:
        subprocess.call("nslookup %s" % h, shell=True)  # VULN flow
    return "done"
