import base64
import pickle

from celery import shared_task
from flask import Blueprint, jsonify, request

from .models import ImportJob, db

bp = Blueprint("imports", __name__)


@shared_task(bind=True, max_retries=3, default_retry_delay=30)
def resume_import(self, job_id, state_blob):
    job = ImportJob.query.get(job_id)
    if job is None:
        return
    state = pickle.loads(base64.b64decode(state_blob))  # VULN flow
    job.processed_rows = state.get("offset", 0)
    job.status = "running"
    db.session.commit()


@bp.route("/api/imports/<int:job_id>/resume", methods=["POST"])
def resume(job_id):
    payload = request.get_json(force=True)
    job = ImportJob.query.get_or_404(job_id)
    job.status = "queued"
    db.session.commit()
    resume_import.delay(job.id, payload["checkpoint"])
    return jsonify(id=job.id, status=job.status), 202
