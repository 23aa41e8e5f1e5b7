import os
from flask import Flask, request, send_from_directory, abort
app = Flask(__name__)
BASE = "/srv/files"

@app.route("/file")
def get_file():
    name = request.args.get("name", "")
    full = os.path.realpath(os.path.join(BASE, name))
    if not full.startswith(BASE + os.sep):
        abort(404)
    with open(full) as f:
        return f.read()

@app.route("/f2")
def f2():
    return send_from_directory(BASE, request.args["name"])
