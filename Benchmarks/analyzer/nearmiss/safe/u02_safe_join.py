from flask import Flask, request, abort
from werkzeug.utils import safe_join
app = Flask(__name__)

@app.route("/doc")
def doc():
    path = safe_join("/srv/docs", request.args["name"])
    if path is None:
        abort(404)
    with open(path) as f:
        return f.read()
