import os
from flask import Flask, request
app = Flask(__name__)
COMMANDS = {"uptime": "uptime", "disk": "df -h"}

@app.route("/c")
def c():
    cmd = COMMANDS.get(request.args.get("name"), "uptime")
    return os.popen(cmd).read()
