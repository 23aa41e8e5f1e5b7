from pathlib import Path
from flask import Flask, request, abort
app = Flask(__name__)
BASE = Path("/srv/files").resolve()

@app.route("/f")
def f():
    target = (BASE / request.args["p"]).resolve()
    try:
        target.relative_to(BASE)
    except ValueError:
        abort(404)
    return target.read_text()
