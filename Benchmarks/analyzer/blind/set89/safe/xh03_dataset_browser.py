"""Read-only file browser for the shared research dataset store."""
import logging
import os
import re
from datetime import datetime

from flask import Flask, abort, jsonify, request, send_file

DATA_ROOT = os.environ.get("DATASET_ROOT", "/lustre/datasets")
PROJECT_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

app = Flask(__name__)
log = logging.getLogger(__name__)


def project_dir(project: str) -> str:
    if not PROJECT_RE.match(project):
        abort(404)
    return os.path.join(DATA_ROOT, project, "published")


def resolve_inside(base: str, rel: str) -> str:
    base_real = os.path.realpath(base)
    candidate = os.path.realpath(os.path.join(base_real, rel))
    if os.path.commonpath([base_real, candidate]) != base_real:
        abort(403)
    return candidate


def describe(path: str) -> dict:
    st = os.stat(path)
    return {
        "name": os.path.basename(path),
        "size": st.st_size,
        "modified": datetime.fromtimestamp(st.st_mtime).isoformat(timespec="seconds"),
        "is_dir": os.path.isdir(path),
    }


@app.get("/datasets/<project>/ls")
def list_dir(project):
    sub = request.args.get("dir", "")
    target = resolve_inside(project_dir(project), sub)
    if not os.path.isdir(target):
        abort(404)
    entries = sorted(os.listdir(target))
    return jsonify(
        project=project,
        dir=sub,
        entries=[describe(os.path.join(target, e)) for e in entries if not e.startswith(".")],
    )


@app.get("/datasets/<project>/file")
def fetch_file(project):
    rel = request.args.get("path")
    if not rel:
        abort(400, "path is required")
    full = resolve_inside(project_dir(project), rel)
    if not os.path.isfile(full):
        abort(404)
    log.info("download %r from project %r", rel, project)
    return send_file(full, as_attachment=True, download_name=os.path.basename(full))


@app.get("/datasets")
def list_projects():
    projects = []
    for name in sorted(os.listdir(DATA_ROOT)):
        if PROJECT_RE.match(name) and os.path.isdir(os.path.join(DATA_ROOT, name, "published")):
            projects.append(name)
    return jsonify(projects=projects)


@app.errorhandler(PermissionError)
def no_access(exc):
    return jsonify(error="permission denied"), 403
