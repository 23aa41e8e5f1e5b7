"""Artifact download service for the CI runners.

Runners upload job artifacts to ARTIFACT_ROOT/<pipeline>/...; this service lets
developers fetch them (and the raw job logs) from the pipeline page.
"""
import logging
import os
import re
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("ci.artifacts")

JOB_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


@dataclass
class StorageConfig:
    artifact_root: str = os.environ.get("ARTIFACT_ROOT", "/srv/ci/artifacts")
    log_root: str = os.environ.get("JOB_LOG_ROOT", "/srv/ci/logs")
    max_listing: int = 500


CONFIG = StorageConfig()


class ArtifactLocator:
    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def pipeline_dir(self, pipeline_id: int) -> str:
        return os.path.join(self.root, str(pipeline_id))

    def resolve(self, pipeline_id: int, relpath: str) -> str:
        base = os.path.realpath(self.pipeline_dir(pipeline_id))
        candidate = os.path.realpath(os.path.join(base, relpath))
        if os.path.commonpath([base, candidate]) != base:
            raise ValueError("path escapes pipeline directory")
        return candidate


locator = ArtifactLocator(CONFIG.artifact_root)


@app.route("/pipelines/<int:pipeline_id>/artifacts")
def list_artifacts(pipeline_id):
    base = locator.pipeline_dir(pipeline_id)
    if not os.path.isdir(base):
        abort(404)
    names = []
    for dirpath, _dirs, files in os.walk(base):
        for name in files:
            names.append(os.path.relpath(os.path.join(dirpath, name), base))
        if len(names) >= CONFIG.max_listing:
            break
    return jsonify(sorted(names)[: CONFIG.max_listing])


@app.route("/pipelines/<int:pipeline_id>/artifacts/download")
def download_artifact(pipeline_id):
    relpath = request.args.get("path", "")
    if not relpath:
        abort(400, "missing path")
    try:
        target = locator.resolve(pipeline_id, relpath)
    except ValueError:
        abort(404)
    if not os.path.isfile(target):
        abort(404)
    log.info("artifact download pipeline=%d path=%r", pipeline_id, relpath)
    return send_file(target, as_attachment=True)


@app.route("/pipelines/<int:pipeline_id>/jobs/log")
def job_log(pipeline_id):
    job_name = request.args.get("job", "build")
    if not JOB_NAME_RE.fullmatch(job_name):
        abort(400, "invalid job name")
    log_path = os.path.join(CONFIG.log_root, str(pipeline_id), job_name + ".log")
    try:
        with open(log_path, encoding="utf-8", errors="replace") as fh:
            body = fh.read()
    except FileNotFoundError:
        abort(404)
    return body, 200, {"Content-Type": "text/plain; charset=utf-8"}


if __name__ == "__main__":
    app.run(port=8070)
