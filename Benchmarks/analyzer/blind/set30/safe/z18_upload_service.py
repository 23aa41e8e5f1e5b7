"""Personal file drop for employees (Flask)."""
import logging
import os
import uuid

from flask import Flask, abort, g, jsonify, request, send_file
from werkzeug.utils import secure_filename

from fileshare.auth import login_required

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 50 * 1024 * 1024
log = logging.getLogger("fileshare")

UPLOAD_ROOT = "/srv/fileshare"


def user_dir(user_id):
    path = os.path.join(UPLOAD_ROOT, str(int(user_id)))
    os.makedirs(path, mode=0o700, exist_ok=True)
    return path


def user_file(user_id, name):
    base = os.path.realpath(user_dir(user_id))
    path = os.path.realpath(os.path.join(base, name))
    if path == base or os.path.commonpath([base, path]) != base:
        abort(404)
    return path


@app.post("/files")
@login_required
def upload():
    incoming = request.files.get("file")
    if incoming is None or not incoming.filename:
        abort(400)
    name = secure_filename(incoming.filename) or uuid.uuid4().hex
    incoming.save(user_file(g.user.id, name))
    log.info("user %s uploaded %r", g.user.id, name)
    return jsonify({"name": name}), 201


@app.get("/files")
@login_required
def list_files():
    return jsonify(sorted(os.listdir(user_dir(g.user.id))))


@app.get("/files/<path:name>")
@login_required
def download(name):
    path = user_file(g.user.id, name)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)


@app.delete("/files/<path:name>")
@login_required
def delete(name):
    path = user_file(g.user.id, name)
    if not os.path.isfile(path):
        abort(404)
    os.remove(path)
    log.info("user %s deleted %r", g.user.id, name)
    return "", 204
