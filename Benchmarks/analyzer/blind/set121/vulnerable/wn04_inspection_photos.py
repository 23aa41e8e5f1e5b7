"""Inspection photo service for the apiary management portal.

Inspectors upload frame photos from the field app; the portal lists and
serves them grouped by apiary and inspection date.
"""
import logging
import mimetypes
import os

from flask import Flask, abort, jsonify, request, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)
PHOTO_ROOT = os.environ.get("PHOTO_ROOT", "/srv/apiary/photos")
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".heic"}
log = logging.getLogger("photos")


class PhotoStore:
    def __init__(self, root: str):
        self.root = root

    def apiary_dir(self, apiary_id: int) -> str:
        return os.path.join(self.root, "apiary-%d" % apiary_id)

    def path_for(self, apiary_id: int, relative: str) -> str:
        return os.path.join(self.apiary_dir(apiary_id), relative)

    def listing(self, apiary_id: int):
        base = self.apiary_dir(apiary_id)
        found = []
        for dirpath, _dirs, files in os.walk(base):
            for name in files:
                if os.path.splitext(name)[1].lower() in ALLOWED_EXT:
                    found.append(os.path.relpath(os.path.join(dirpath, name), base))
        return sorted(found)


store = PhotoStore(PHOTO_ROOT)


@app.get("/apiaries/<int:apiary_id>/photos")
def list_photos(apiary_id):
    return jsonify(photos=store.listing(apiary_id))


@app.get("/apiaries/<int:apiary_id>/photo")
def get_photo(apiary_id):
    rel = request.args.get("file", "")
    if not rel:
        abort(400)
    path = store.path_for(apiary_id, rel)
    if not os.path.isfile(path):
        abort(404)
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return send_file(path, mimetype=mime)  # VULN flow


@app.post("/apiaries/<int:apiary_id>/photos/<inspection_date>")
def upload_photo(apiary_id, inspection_date):
    upload = request.files.get("photo")
    if upload is None or not upload.filename:
        abort(400)
    name = secure_filename(upload.filename)
    if os.path.splitext(name)[1].lower() not in ALLOWED_EXT:
        abort(415)
    folder = os.path.join(store.apiary_dir(apiary_id), secure_filename(inspection_date))
    os.makedirs(folder, exist_ok=True)
    upload.save(os.path.join(folder, name))
    log.info("stored photo %r for apiary %d", name, apiary_id)
    return jsonify(stored=name), 201
