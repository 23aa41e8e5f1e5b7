import os
from flask import Flask, request, abort
app = Flask(__name__)

@app.route("/k")
def k():
    pid = request.args.get("pid", "")
    if not pid.isdigit():
        abort(400)
    os.system("kill " + pid)
    return "ok"
