import os

from flask import Flask, Response, abort, request

app = Flask(__name__)
AVATAR_DIR = "/srv/app/avatars"


@app.route("/avatar")
def avatar():
    name = os.path.basename(request.args.get("file", ""))
    if not name:
        abort(400)
    path = os.path.join(AVATAR_DIR, name)
    if not os.path.isfile(path):
        abort(404)
    with open(path, "rb") as fh:
        data = fh.read()
    return Response(data, mimetype="image/png")
