"""Service-of-process tracking: process servers record proof of service.

The process server's mobile app uploads the service photo to its own
storage and posts the photo URL here; we fetch it, hash it for the
affidavit and keep a copy with the job.
"""
import hashlib
import logging
import os

import requests
from flask import Flask, abort, jsonify, redirect, request, url_for

app = Flask(__name__)
log = logging.getLogger("sop.proof")

PHOTO_DIR = os.environ.get("SOP_PHOTO_DIR", "/srv/sop/photos")
MAX_PHOTO_BYTES = 15 * 1024 * 1024

JOBS = {}  # job_id -> dict, populated by the dispatch service


def fetch_photo(url: str, job_id: int) -> str:
    resp = requests.get(url, timeout=10, stream=True)  # VULN flow
    resp.raise_for_status()
    digest = hashlib.sha256()
    path = os.path.join(PHOTO_DIR, f"job_{job_id}.jpg")
    written = 0
    with open(path, "wb") as fh:
        for chunk in resp.iter_content(65536):
            written += len(chunk)
            if written > MAX_PHOTO_BYTES:
                raise ValueError("photo too large")
            digest.update(chunk)
            fh.write(chunk)
    return digest.hexdigest()


@app.get("/serve/<int:job_id>")
def job_detail(job_id):
    job = JOBS.get(job_id)
    if job is None:
        abort(404)
    return jsonify(job)


@app.post("/serve/<int:job_id>/proof")
def record_proof(job_id):
    job = JOBS.get(job_id)
    if job is None:
        abort(404)
    form = request.form
    job.update(
        served_at=form.get("served_at"),
        served_on=form.get("served_on"),
        method=form.get("method", "personal"),
        gps=form.get("gps"),
    )
    photo_url = form.get("photo_url", "").strip()
    if photo_url:
        try:
            job["photo_sha256"] = fetch_photo(photo_url, job_id)
        except (requests.RequestException, ValueError) as exc:
            log.warning("photo fetch failed for job %s: %s", job_id, type(exc).__name__)
            job["photo_sha256"] = None
    job["status"] = "served"
    return_to = request.args.get("return_to") or url_for("job_detail", job_id=job_id)
    return redirect(return_to)  # VULN flow
