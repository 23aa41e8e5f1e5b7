"""Serve and manage pronunciation practice recordings."""
import logging
import os

from flask import Flask, abort, jsonify, request, send_file, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
log = logging.getLogger("recordings")

RECORDINGS_ROOT = os.environ.get("RECORDINGS_ROOT", "/srv/tutor/recordings")
MIMETYPES = {".wav": "audio/wav", ".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".webm": "audio/webm"}


def current_student() -> str:
    student = session.get("student_id")
    if not student:
        abort(401)
    return str(int(student))


def clip_path(student_id: str, clip_name: str) -> str:
    return os.path.join(RECORDINGS_ROOT, student_id, clip_name)


@app.get("/recordings")
def list_recordings():
    student = current_student()
    folder = os.path.join(RECORDINGS_ROOT, student)
    if not os.path.isdir(folder):
        return jsonify([])
    names = [f for f in os.listdir(folder) if os.path.splitext(f)[1].lower() in MIMETYPES]
    return jsonify(sorted(names))


@app.get("/recordings/download")
def download_recording():
    student = current_student()
    name = request.args.get("clip", "")
    if not name:
        abort(400)
    path = clip_path(student, name)
    ext = os.path.splitext(path)[1].lower()
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, mimetype=MIMETYPES.get(ext, "application/octet-stream"))  # VULN flow


@app.delete("/recordings/<path:clip>")
def delete_recording(clip):
    student = current_student()
    path = clip_path(student, clip)
    try:
        os.remove(path)  # VULN flow
    except FileNotFoundError:
        abort(404)
    log.info("student %s deleted recording %r", student, clip)
    return "", 204


@app.get("/recordings/usage")
def usage():
    student = current_student()
    folder = os.path.join(RECORDINGS_ROOT, student)
    total = 0
    if os.path.isdir(folder):
        for entry in os.scandir(folder):
            if entry.is_file():
                total += entry.stat().st_size
    return jsonify({"bytes": total, "quota": 200 * 1024 * 1024})
