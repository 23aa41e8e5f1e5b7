import os
import tempfile

from celery import Celery
from flask import Blueprint, jsonify, request

celery = Celery("ci", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/0"))
bp = Blueprint("hooks", __name__)


@celery.task(name="ci.build_repo")
def build_repo(clone_url, branch):
    workdir = tempfile.mkdtemp(prefix="build-")
    clone = f"git clone --depth 1 --branch {branch} {clone_url} {workdir}/src"
    rc = os.system(clone)  # VULN flow
    if rc != 0:
        return {"status": "clone_failed", "rc": rc}
    return {"status": "cloned", "path": workdir}


@bp.route("/hooks/build", methods=["POST"])
def build_hook():
    payload = request.get_json(silent=True) or {}
    repo = payload.get("repository", {})
    branch = payload.get("ref", "refs/heads/main").rsplit("/", 1)[-1]
    result = build_repo.delay(repo["clone_url"], branch)
    return jsonify(task_id=result.id), 202
