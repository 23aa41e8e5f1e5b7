"""Printable timetable downloads and uploads for the agency portal."""
import logging
import os

from flask import Flask, abort, jsonify, request, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)
log = logging.getLogger("timetables")

TIMETABLE_ROOT = os.environ.get("TIMETABLE_ROOT", "/srv/timetables")
AGENCIES = {"metrobus", "riverferry", "northrail", "citytram"}
ALLOWED_EXT = {".pdf", ".csv", ".txt"}


def agency_dir(agency: str) -> str:
    if agency not in AGENCIES:
        abort(404)
    return os.path.join(TIMETABLE_ROOT, agency)


def resolve_timetable(agency: str, name: str) -> str:
    base = os.path.realpath(agency_dir(agency))
    candidate = os.path.realpath(os.path.join(base, name))
    if os.path.commonpath([base, candidate]) != base:
        abort(404)
    return candidate


@app.route("/timetables/<agency>")
def list_timetables(agency):
    base = agency_dir(agency)
    files = sorted(f for f in os.listdir(base)
                   if os.path.splitext(f)[1].lower() in ALLOWED_EXT)
    return jsonify({"agency": agency, "files": files})


@app.route("/timetables/<agency>/download")
def download_timetable(agency):
    name = request.args.get("file", "")
    if not name:
        abort(400)
    path = resolve_timetable(agency, name)
    if not os.path.isfile(path):
        abort(404)
    log.info("timetable download agency=%s", agency)
    return send_file(path, as_attachment=True)


@app.route("/timetables/<agency>/upload", methods=["POST"])
def upload_timetable(agency):
    upload = request.files.get("timetable")
    if upload is None or not upload.filename:
        abort(400)
    filename = secure_filename(upload.filename)
    ext = os.path.splitext(filename)[1].lower()
    if not filename or ext not in ALLOWED_EXT:
        abort(415)
    dest = resolve_timetable(agency, filename)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    upload.save(dest)
    log.info("stored timetable for %s (%d bytes)", agency, os.path.getsize(dest))
    return jsonify({"stored": os.path.basename(dest)}), 201


if __name__ == "__main__":
    app.run(port=5004)
