import os
from flask import Flask, request, abort, send_file
app = Flask(__name__)
ROOT = os.path.realpath("/srv/static")

@app.route("/s")
def s():
    p = os.path.realpath(os.path.join(ROOT, request.args["p"]))
    if os.path.commonpath([ROOT, p]) != ROOT:
        abort(404)
    return send_file(p)
