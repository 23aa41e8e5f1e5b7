"""Asset upload endpoint for the video production review tool."""
import hashlib
import logging
import os
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request, session
from werkzeug.utils import secure_filename

logger = logging.getLogger("review.uploads")

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["REVIEW_SECRET_KEY"]
app.config["MAX_CONTENT_LENGTH"] = 512 * 1024 * 1024

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/srv/review/media")
ALLOWED_EXTENSIONS = {".mp4", ".mov", ".mxf", ".wav", ".png", ".jpg"}


def current_member(project_id):
    members = session.get("projects", [])
    if project_id not in members:
        abort(403)
    return session["user_id"]


class AssetWriter:
    chunk_size = 1024 * 1024

    def __init__(self, project_id):
        self.directory = os.path.realpath(os.path.join(MEDIA_ROOT, f"project-{project_id}"))

    def save(self, storage):
        os.makedirs(self.directory, mode=0o750, exist_ok=True)
        safe_name = secure_filename(storage.filename)
        if not safe_name:
            abort(400)
        target = os.path.realpath(os.path.join(self.directory, safe_name))
        if os.path.dirname(target) != self.directory:
            abort(400)
        digest = hashlib.sha256()
        with open(target, "wb") as out:
            while True:
                chunk = storage.stream.read(self.chunk_size)
                if not chunk:
                    break
                digest.update(chunk)
                out.write(chunk)
        os.chmod(target, 0o640)
        return target, digest.hexdigest()


@app.post("/projects/<int:project_id>/assets")
def upload_asset(project_id):
    user_id = current_member(project_id)
    storage = request.files.get("asset")
    if storage is None or not storage.filename:
        return jsonify(error="missing asset"), 400
    if os.path.splitext(storage.filename)[1].lower() not in ALLOWED_EXTENSIONS:
        return jsonify(error="unsupported file type"), 415

    path, checksum = AssetWriter(project_id).save(storage)
    logger.info("project=%d user=%s uploaded %r sha256=%s", project_id, user_id, storage.filename, checksum)
    return jsonify(
        name=os.path.basename(path),
        sha256=checksum,
        uploaded_at=datetime.now(timezone.utc).isoformat(),
    ), 201
