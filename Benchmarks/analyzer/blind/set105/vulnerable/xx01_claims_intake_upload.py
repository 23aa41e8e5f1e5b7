"""Claims intake: attachment upload and retrieval for first notice of loss."""
import logging
import os
from datetime import datetime

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("claims.intake")

ATTACHMENT_ROOT = os.environ.get("CLAIM_ATTACHMENT_ROOT", "/srv/claims/attachments")
ALLOWED_EXT = {".pdf", ".jpg", ".jpeg", ".png", ".heic"}
MAX_UPLOAD = 25 * 1024 * 1024

app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD


class AttachmentStore:
    """Keeps claim evidence (photos, invoices, police reports) on the shared volume."""

    def __init__(self, root: str):
        self.root = root

    def claim_dir(self, claim_id: str) -> str:
        return os.path.join(self.root, claim_id)

    def resolve(self, claim_id: str, filename: str) -> str:
        return os.path.join(self.claim_dir(claim_id), filename)

    def save(self, claim_id: str, filename: str, stream) -> str:
        target = self.resolve(claim_id, filename)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fh:  # VULN flow
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
    path = store.save(claim_id, upload.filename, upload.stream)
    log.info("stored attachment for claim %r (%d bytes)", claim_id, os.path.getsize(path))
    return jsonify({
        "claim": claim_id,
        "stored": os.path.basename(path),
        "received": datetime.utcnow().isoformat(),
    }), 201


@app.route("/claims/<claim_id>/attachments", methods=["GET"])
def list_attachments(claim_id):
    return jsonify({"claim": claim_id, "files": store.listing(claim_id)})


@app.route("/claims/<claim_id>/attachments/<path:name>")
def download_attachment(claim_id, name):
    path = store.resolve(claim_id, name)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)  # VULN flow
