import os
from flask import Flask, request
app = Flask(__name__)

def sanitize(s):
    return s.strip()

@app.route("/g")
def g():
    os.system("echo " + sanitize(request.args["x"]))  # VULN
    return "ok"
