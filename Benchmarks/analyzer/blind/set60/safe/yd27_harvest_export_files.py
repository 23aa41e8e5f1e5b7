"""Download and housekeeping endpoints for generated harvest export files."""
import logging
import os
from datetime import datetime

from flask import Flask, abort, jsonify, send_from_directory
from werkzeug.security import safe_join

app = Flask(__name__)
log = logging.getLogger("harvest.exports")

EXPORT_DIR = os.environ.get("HARVEST_EXPORT_DIR", "/srv/harvest/exports")


def export_path(name: str) -> str:
    path = safe_join(EXPORT_DIR, name)
    if path is None:
        abort(404)
    return path


def describe(name: str) -> dict:
    st = os.stat(export_path(name))
    return {
        "name": name,
        "bytes": st.st_size,
        "created": datetime.fromtimestamp(st.st_mtime).isoformat(timespec="seconds"),
    }


@app.get("/exports")
def list_exports():
    names = []
    for root, _dirs, files in os.walk(EXPORT_DIR):
        for f in files:
            names.append(os.path.relpath(os.path.join(root, f), EXPORT_DIR))
    return jsonify([describe(n) for n in sorted(names)])


@app.get("/exports/<path:name>")
def download_export(name):
    path = export_path(name)
    if not os.path.isfile(path):
        abort(404)
    log.info("export download %r", name)
    return send_from_directory(EXPORT_DIR, name, as_attachment=True)


@app.delete("/exports/<path:name>")
def delete_export(name):
    target = export_path(name)
    if not os.path.exists(target):
        abort(404)
    os.remove(target)
    log.info("export deleted %r", name)
    return "", 204

