"""Upload/download of SD files attached to compound registration requests."""
import logging
import os
import re
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 50 * 1024 * 1024
log = logging.getLogger("registry.sdf")

UPLOAD_ROOT = os.path.realpath(os.environ.get("SDF_UPLOAD_ROOT", "/srv/registry/sdf"))
ALLOWED_EXT = {".sdf", ".mol", ".sd"}
PROJECT_RE = re.compile(r"^[A-Z]{2,6}-\d{3,5}$")


class UploadTarget:
    """Where a project's structure file lives on disk."""

    def __init__(self, project: str, filename: str):
        if not PROJECT_RE.match(project):
            abort(400, "bad project code")
        self.project = project
        self.filename = secure_filename(filename)

    @property
    def directory(self) -> str:
        return os.path.join(UPLOAD_ROOT, self.project)

    @property
    def path(self) -> str:
        candidate = os.path.realpath(os.path.join(self.directory, self.filename))
        if os.path.commonpath([candidate, UPLOAD_ROOT]) != UPLOAD_ROOT:
            abort(400, "bad file name")
        return candidate


def count_records(path: str) -> int:
    with open(path, "r", errors="replace") as fh:
        return sum(1 for line in fh if line.startswith("$$$$"))


@app.post("/registration/<project>/sdf")
def upload_sdf(project):
    f = request.files.get("file")
    if f is None or not f.filename:
        abort(400, "no file supplied")
    ext = os.path.splitext(f.filename)[1].lower()
    if ext not in ALLOWED_EXT:
        abort(400, "unsupported file type")
    target = UploadTarget(project, f.filename)
    os.makedirs(target.directory, exist_ok=True)
    f.save(target.path)
    n = count_records(target.path)
    log.info("stored %d records for project %r", n, project)
    return jsonify({
        "project": project,
        "file": target.filename,
        "records": n,
        "uploaded": datetime.now(timezone.utc).isoformat(),
    }), 201


@app.get("/registration/<project>/sdf")
def download_sdf(project):
    name = request.args.get("name", "")
    if not name:
        abort(400, "name required")
    target = UploadTarget(project, name)
    if not os.path.isfile(target.path):
        abort(404)
    return send_file(target.path, as_attachment=True)


@app.get("/registration/<project>/sdf/list")
def list_sdf(project):
    directory = UploadTarget(project, "").directory
    if not os.path.isdir(directory):
        return jsonify([])
    return jsonify(sorted(n for n in os.listdir(directory)
                          if os.path.splitext(n)[1].lower() in ALLOWED_EXT))
