import os
from flask import Flask, request
app = Flask(__name__)

@app.route("/h")
def h():
    agent = request.headers.get("User-Agent")
    os.system("echo " + agent + " >> /tmp/agents")  # VULN flow
    return "ok"
