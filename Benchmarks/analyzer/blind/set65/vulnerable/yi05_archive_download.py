"""Download endpoints for digitised archive scans (maps, letters, photographs)."""
import logging
import mimetypes
import os

from flask import Flask, abort, jsonify, send_file

app = Flask(__name__)
log = logging.getLogger(__name__)

ARCHIVE_ROOT = os.environ.get("ARCHIVE_ROOT", "/srv/archive/scans")
PUBLIC_COLLECTIONS = {"maps", "letters", "photographs", "posters"}


class ScanLocator:
    """Maps (collection, filename) pairs onto the scan storage tree."""

    def __init__(self, root: str):
        self.root = root

    def path_for(self, collection: str, filename: str) -> str:
        return os.path.join(self.root, collection, filename)

    def sidecar_for(self, collection: str, filename: str) -> str:
        base, _ext = os.path.splitext(filename)
        return self.path_for(collection, base + ".json")


locator = ScanLocator(ARCHIVE_ROOT)


@app.get("/collections")
def list_collections():
    return jsonify(sorted(PUBLIC_COLLECTIONS))


@app.get("/collections/<collection>/scans/<path:filename>")
def download_scan(collection: str, filename: str):
    if collection not in PUBLIC_COLLECTIONS:
        abort(404)
    path = locator.path_for(collection, filename)
    if not os.path.isfile(path):
        abort(404)
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return send_file(path, mimetype=mime, conditional=True)  # VULN flow


@app.get("/collections/<collection>/metadata/<path:filename>")
def scan_metadata(collection: str, filename: str):
    if collection not in PUBLIC_COLLECTIONS:
        abort(404)
    sidecar = locator.sidecar_for(collection, filename)
    try:
        with open(sidecar, encoding="utf-8") as fh:  # VULN flow
            payload = fh.read()
    except FileNotFoundError:
        abort(404)
    return app.response_class(payload, mimetype="application/json")


@app.errorhandler(404)
def not_found(_err):
    return jsonify(error="not found"), 404
