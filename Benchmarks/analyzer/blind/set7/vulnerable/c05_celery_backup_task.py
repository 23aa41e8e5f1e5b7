import os
import tarfile
import tempfile

from celery import Celery
from flask import Blueprint, jsonify, request

app = Celery("ops", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
bp = Blueprint("ops", __name__)
BACKUP_ROOT = "/var/backups/sites"


@app.task(bind=True, max_retries=3)
def snapshot_database(self, db_name, label):
    out = os.path.join(BACKUP_ROOT, "%s-%s.sql.gz" % (db_name, label))
    rc = os.system(f"pg_dump --no-owner {db_name} | gzip > {out}")  # VULN flow
    if rc != 0:
        raise self.retry(countdown=30)
    return out


@app.task
def restore_site_bundle(bundle_path):
    dest = tempfile.mkdtemp(prefix="restore-")
    try:
        with tarfile.open(bundle_path, "r:gz") as tar:
            tar.extractall(dest)  # VULN flow
    finally:
        os.unlink(bundle_path)
    return dest


@bp.route("/ops/snapshot", methods=["POST"])
def request_snapshot():
    body = request.get_json(force=True)
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
