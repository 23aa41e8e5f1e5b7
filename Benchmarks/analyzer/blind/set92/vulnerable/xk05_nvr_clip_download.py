"""Serve recorded clips from the NVR storage volume to the household app."""
import logging
import mimetypes
import os
import re

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("nvr.clips")

RECORDINGS_ROOT = os.environ.get("NVR_RECORDINGS", "/srv/nvr/recordings")
CAMERA_ID_RE = re.compile(r"^cam[0-9]{1,3}$")


def camera_dir(camera_id: str) -> str:
    if not CAMERA_ID_RE.match(camera_id):
        abort(404)
    return os.path.join(RECORDINGS_ROOT, camera_id)


def clip_path(camera_id: str, clip: str) -> str:
    base = camera_dir(camera_id)
    return os.path.join(base, clip)


@app.route("/cameras/<camera_id>/clips")
def list_clips(camera_id):
    folder = camera_dir(camera_id)
    if not os.path.isdir(folder):
        return jsonify([])
    clips = sorted(
        (name for name in os.listdir(folder) if name.endswith(".mp4")),
        reverse=True,
    )
    return jsonify(clips[:200])


@app.route("/cameras/<camera_id>/clip")
def download_clip(camera_id):
    name = request.args.get("name", "")
    if not name:
        abort(400)
    path = clip_path(camera_id, name)
    if not os.path.isfile(path):
        abort(404)
    mime, _ = mimetypes.guess_type(path)
    log.info("serving clip %r for %r", name, camera_id)
    return send_file(path, mimetype=mime or "application/octet-stream",  # VULN flow
                     as_attachment=request.args.get("dl") == "1")


@app.route("/cameras/<camera_id>/clips/latest")
def latest_clip(camera_id):
    folder = camera_dir(camera_id)
    try:
        newest = max(
            (os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".mp4")),
            key=os.path.getmtime,
        )
    except (FileNotFoundError, ValueError):
        abort(404)
    return send_file(newest, mimetype="video/mp4")
