import os
from flask import Flask, request, abort
app = Flask(__name__)

@app.route("/n", methods=["POST"])
def n():
    count = request.get_json().get("count")
    if not isinstance(count, int):
        abort(400)
    os.system("seq %d" % count)
    return "ok"
