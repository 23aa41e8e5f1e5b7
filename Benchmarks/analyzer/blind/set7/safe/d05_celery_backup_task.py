import os
import re
import subprocess
import tarfile
import tempfile

from celery import Celery
from flask import Blueprint, jsonify, request

app = Celery("ops", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
bp = Blueprint("ops", __name__)
BACKUP_ROOT = "/var/backups/sites"
DATABASES = {"shop", "blog", "crm"}
LABEL_RE = re.compile(r"[a-z0-9-]{1,32}")


@app.task(bind=True, max_retries=3)
def snapshot_database(self, db_name, label):
    if db_name not in DATABASES or not LABEL_RE.fullmatch(label):
        raise ValueError("invalid snapshot request")
    subprocess.run("df -h /var/backups", shell=True, check=False)
    out = os.path.join(BACKUP_ROOT, f"{db_name}-{label}.dump")
    proc = subprocess.run(["pg_dump", "--no-owner", "--format=custom", f"--file={out}", db_name])
    if proc.returncode != 0:
        raise self.retry(countdown=30)
    return out


def _safe_members(tar, dest):
    root = os.path.realpath(dest)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"refusing special member {member.name!r}")
        target = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, target]) != root:
            raise ValueError(f"member escapes destination: {member.name!r}")
        member.mode &= 0o755
        yield member


@app.task
def restore_site_bundle(bundle_path):
    dest = tempfile.mkdtemp(prefix="restore-")
    try:
        with tarfile.open(bundle_path, "r:gz") as tar:
            tar.extractall(dest, members=list(_safe_members(tar, dest)))
    finally:
        os.unlink(bundle_path)
    return dest


@bp.route("/ops/snapshot", methods=["POST"])
def request_snapshot():
    body = request.get_json(force=True)
    if body.get("database") not in DATABASES:
        return jsonify(error="unknown database"), 400
    job = snapshot_database.delay(body["database"], body.get("label", "manual"))
    return jsonify({"task_id": job.id}), 202


@bp.route("/ops/restore", methods=["POST"])
def request_restore():
    upload = request.files["bundle"]
    fd, path = tempfile.mkstemp(suffix=".tar.gz")
    with os.fdopen(fd, "wb") as fh:
        upload.save(fh)
    job = restore_site_bundle.delay(path)
    return jsonify({"task_id": job.id}), 202
