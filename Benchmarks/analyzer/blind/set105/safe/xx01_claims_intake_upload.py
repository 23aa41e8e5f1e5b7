"""Claims intake: attachment upload and retrieval for first notice of loss."""
import logging
import os
import re
from datetime import datetime

from flask import Flask, abort, jsonify, request, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)
log = logging.getLogger("claims.intake")

ATTACHMENT_ROOT = os.environ.get("CLAIM_ATTACHMENT_ROOT", "/srv/claims/attachments")
ALLOWED_EXT = {".pdf", ".jpg", ".jpeg", ".png", ".heic"}
MAX_UPLOAD = 25 * 1024 * 1024
CLAIM_ID_RE = re.compile(r"CLM-\d{4}-\d{6}")

app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD


class AttachmentStore:
    """Keeps claim evidence (photos, invoices, police reports) on the shared volume."""

    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def claim_dir(self, claim_id: str) -> str:
        if not CLAIM_ID_RE.fullmatch(claim_id):
            raise ValueError("bad claim id")
        return os.path.join(self.root, claim_id)

    def resolve(self, claim_id: str, filename: str) -> str:
        base = os.path.realpath(self.claim_dir(claim_id))
        target = os.path.realpath(os.path.join(base, filename))
        if os.path.commonpath([base, target]) != base or target == base:
            raise ValueError("path outside claim folder")
        return target

    def save(self, claim_id: str, filename: str, stream) -> str:
        target = self.resolve(claim_id, secure_filename(filename))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fh:
            fh.write(stream.read())
        return target

    def listing(self, claim_id: str):
        folder = self.claim_dir(claim_id)
        if not os.path.isdir(folder):
            return []
        return sorted(os.listdir(folder))


store = AttachmentStore(ATTACHMENT_ROOT)


@app.route("/claims/<claim_id>/attachments", methods=["POST"])
def upload_attachment(claim_id):
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        abort(400, "missing file")
    ext = os.path.splitext(upload.filename)[1].lower()
    if ext not in ALLOWED_EXT:
        abort(415, "unsupported type")
    try:
        path = store.save(claim_id, upload.filename, upload.stream)
    except ValueError:
        abort(400, "invalid attachment name")
    log.info("stored attachment for claim %r (%d bytes)", claim_id, os.path.getsize(path))
    return jsonify({
        "claim": claim_id,
        "stored": os.path.basename(path),
        "received": datetime.utcnow().isoformat(),
    }), 201


@app.route("/claims/<claim_id>/attachments", methods=["GET"])
def list_attachments(claim_id):
    try:
        files = store.listing(claim_id)
    except ValueError:
        abort(400, "invalid claim id")
    return jsonify({"claim": claim_id, "files": files})


@app.route("/claims/<claim_id>/attachments/<path:name>")
def download_attachment(claim_id, name):
    try:
        path = store.resolve(claim_id, name)
    except ValueError:
        abort(404)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)
