"""Registrar transcript export endpoints.

Exports are produced nightly by the transcript batch job and dropped into
per-student folders under TRANSCRIPT_EXPORT_ROOT.
"""
import logging
import os

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("registrar.transcripts")

EXPORT_ROOT = os.environ.get("TRANSCRIPT_EXPORT_ROOT", "/srv/registrar/exports")
ALLOWED_REASONS = {"employment", "graduate_admission", "personal", "transfer"}


class ExportLocator:
    """Maps a student and an export name onto the filesystem."""

    def __init__(self, root: str):
        self.root = root

    def folder_for(self, student_id: str) -> str:
        return os.path.join(self.root, student_id)

    def path_for(self, student_id: str, filename: str) -> str:
        return os.path.join(self.folder_for(student_id), filename)


locator = ExportLocator(EXPORT_ROOT)


def _current_user() -> str:
    return request.headers.get("X-Remote-User", "anonymous")


def _require_numeric(student_id: str) -> None:
    if not student_id.isdigit() or len(student_id) > 10:
        abort(400, description="invalid student id")


@app.route("/transcripts/<student_id>/exports")
def list_exports(student_id):
    _require_numeric(student_id)
    folder = locator.folder_for(student_id)
    if not os.path.isdir(folder):
        abort(404)
    files = sorted(f for f in os.listdir(folder) if f.endswith(".pdf"))
    return jsonify({"student": student_id, "exports": files})


@app.route("/transcripts/<student_id>/download")
def download_export(student_id):
    _require_numeric(student_id)
    requested = request.args.get("file", "")
    reason = request.args.get("reason", "personal")
    if not requested:
        abort(400, description="file parameter required")

    log.info(f"transcript download user={_current_user()} student={student_id} reason={reason}")  # VULN flow
    if reason not in ALLOWED_REASONS:
        log.warning("unrecognised download reason for student %s", student_id)

    path = locator.path_for(student_id, requested)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True, download_name=os.path.basename(path))  # VULN flow


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(port=5001)
