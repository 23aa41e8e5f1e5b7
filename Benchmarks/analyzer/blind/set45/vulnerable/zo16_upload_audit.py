"""Media upload endpoint for the newsroom CMS with an audit trail."""
import datetime as dt
import logging
import os
import uuid

from flask import Flask, g, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 512 * 1024 * 1024

UPLOAD_DIR = os.environ.get("CMS_UPLOAD_DIR", "/srv/cms/uploads")
AUDIT_LOG = os.environ.get("CMS_AUDIT_LOG", "/var/log/cms/audit.log")
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".gif", ".mp4", ".mov", ".mp3", ".pdf"}

log = logging.getLogger("cms.uploads")
logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s %(message)s", level=logging.INFO)


class AuditTrail:
    def __init__(self, path: str):
        self.path = path

    def write(self, actor: str, action: str, detail: str) -> None:
        stamp = dt.datetime.utcnow().isoformat(timespec="seconds")
        entry = f"{stamp} actor={actor} action={action} detail={detail}\n"
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(entry)  # VULN flow


audit = AuditTrail(AUDIT_LOG)


@app.before_request
def identify():
    g.editor = request.headers.get("X-Editor", "unknown")


@app.route("/media", methods=["POST"])
def upload_media():
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return jsonify({"error": "file required"}), 400
    original = upload.filename
    ext = os.path.splitext(original)[1].lower()
    if ext not in ALLOWED_EXT:
        log.warning("rejected upload from %s: %s" % (g.editor, original))  # VULN flow
        return jsonify({"error": "file type not allowed"}), 415

    stored_name = f"{uuid.uuid4().hex}{ext}"
    upload.save(os.path.join(UPLOAD_DIR, stored_name))
    audit.write(g.editor, "upload", f"{secure_filename(original)} -> {stored_name}")
    caption = request.form.get("caption", "")
    audit.write(g.editor, "caption", caption)
    return jsonify({"id": stored_name, "caption": caption}), 201


@app.route("/media/<media_id>", methods=["DELETE"])
def delete_media(media_id):
    name = secure_filename(media_id)
    path = os.path.join(UPLOAD_DIR, name)
    if not os.path.exists(path):
        return jsonify({"error": "not found"}), 404
    os.remove(path)
    audit.write(g.editor, "delete", name)
    return "", 204
