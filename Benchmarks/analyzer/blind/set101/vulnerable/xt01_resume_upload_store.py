"""Resume upload and retrieval endpoints for the candidate portal."""
import logging
import os
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("portal.resumes")

RESUME_ROOT = os.environ.get("RESUME_ROOT", "/srv/ats/resumes")
ALLOWED_EXT = {".pdf", ".doc", ".docx", ".rtf", ".txt"}
MAX_BYTES = 8 * 1024 * 1024


def candidate_dir(candidate_id: int) -> str:
    path = os.path.join(RESUME_ROOT, str(candidate_id))
    os.makedirs(path, exist_ok=True)
    return path


def _ext_ok(filename: str) -> bool:
    return os.path.splitext(filename)[1].lower() in ALLOWED_EXT


def _resolve(folder: str, name: str) -> str:
    return os.path.join(folder, name)


@app.route("/candidates/<int:candidate_id>/resume", methods=["POST"])
def upload_resume(candidate_id):
    upload = request.files.get("resume")
    if upload is None or not upload.filename:
        abort(400, "missing resume file")
    if not _ext_ok(upload.filename):
        abort(415, "unsupported file type")
    if request.content_length and request.content_length > MAX_BYTES:
        abort(413)

    target = _resolve(candidate_dir(candidate_id), upload.filename)
    upload.save(target)  # VULN flow
    log.info("stored resume for candidate %s (%d bytes)",
             candidate_id, os.path.getsize(target))
    return jsonify({
        "stored": os.path.basename(target),
        "uploaded_at": datetime.now(timezone.utc).isoformat(),
    }), 201


@app.route("/candidates/<int:candidate_id>/resume", methods=["GET"])
def list_resumes(candidate_id):
    folder = candidate_dir(candidate_id)
    files = sorted(f for f in os.listdir(folder) if _ext_ok(f))
    return jsonify({"candidate": candidate_id, "files": files})


@app.route("/candidates/<int:candidate_id>/resume/<path:name>")
def download_resume(candidate_id, name):
    full = _resolve(candidate_dir(candidate_id), name)
    if not os.path.isfile(full):
        abort(404)
    return send_file(full, as_attachment=True)  # VULN flow


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(port=5001)
