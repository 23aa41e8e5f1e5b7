"""Download endpoint for processed datasets on the shared analysis server."""
import logging
import os
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("datasets")

DATA_ROOT = os.environ.get("DATASET_ROOT", "/data/processed")
ALLOWED_PROJECTS = {"cryoem", "proteomics", "imaging", "genomics"}


@dataclass
class DatasetRef:
    project: str
    relpath: str

    @property
    def location(self) -> str:
        base = os.path.realpath(os.path.join(DATA_ROOT, self.project))
        candidate = os.path.realpath(os.path.join(base, self.relpath))
        if os.path.commonpath([base, candidate]) != base:
            raise ValueError("path escapes project directory")
        return candidate


def parse_ref(args) -> DatasetRef:
    project = args.get("project", "")
    if project not in ALLOWED_PROJECTS:
        abort(404)
    relpath = args.get("file", "").lstrip("/")
    if not relpath:
        abort(400)
    return DatasetRef(project, relpath)


@app.route("/download")
def download():
    ref = parse_ref(request.args)
    try:
        path = ref.location
    except ValueError:
        abort(404)
    if not os.path.isfile(path):
        abort(404)
    log.info("serving %r to %s", path, request.remote_addr)
    return send_file(path, as_attachment=True)


@app.route("/list/<project>")
def listing(project):
    if project not in ALLOWED_PROJECTS:
        abort(404)
    base = os.path.join(DATA_ROOT, project)
    entries = []
    for root, _dirs, files in os.walk(base):
        for name in sorted(files):
            full = os.path.join(root, name)
            entries.append({
                "file": os.path.relpath(full, base),
                "bytes": os.path.getsize(full),
            })
    return jsonify(project=project, files=entries)


if __name__ == "__main__":
    app.run(port=5020)
