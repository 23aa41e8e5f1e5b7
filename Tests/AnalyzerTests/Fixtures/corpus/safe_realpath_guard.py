import os
from flask import Flask, abort, request

app = Flask(__name__)
ROOT = "/srv/data"


@app.route("/file")
def get_file():
    path = os.path.realpath(os.path.join(ROOT, request.args["name"]))
    if not path.startswith(ROOT + os.sep):
        abort(404)
    with open(path) as handle:
        return handle.read()
