"""Field-technician job completion endpoint.

The technician app uploads site photos to the media CDN and then posts the
job completion with the photo URLs; we copy the photos into the job archive
bucket so they survive CDN lifecycle rules.
"""
import hashlib
import logging
import os
from typing import List

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("dispatch.completion")
ARCHIVE_DIR = os.environ.get("JOB_ARCHIVE_DIR", "/srv/dispatch/archive")
MAX_PHOTO_BYTES = 15 * 1024 * 1024

app = FastAPI()


class JobCompletion(BaseModel):
    job_id: int
    technician_id: str
    resolution_code: str
    photo_urls: List[str] = []


class PhotoArchiver:
    def __init__(self, job_id: int, sources: List[str]):
        self.job_id = job_id
        self.sources = sources
        self.session = requests.Session()

    def _fetch(self, url: str) -> bytes:
        resp = self.session.get(url, timeout=15, stream=True)  # VULN flow
        resp.raise_for_status()
        data = resp.raw.read(MAX_PHOTO_BYTES + 1, decode_content=True)
        if len(data) > MAX_PHOTO_BYTES:
            raise ValueError("photo too large")
        return data

    def archive_all(self) -> List[str]:
        folder = os.path.join(ARCHIVE_DIR, str(self.job_id))
        os.makedirs(folder, exist_ok=True)
        stored = []
        for url in self.sources:
            blob = self._fetch(url)
            name = hashlib.sha256(blob).hexdigest()[:20] + ".jpg"
            with open(os.path.join(folder, name), "wb") as fh:
                fh.write(blob)
            stored.append(name)
        return stored


@app.post("/jobs/{job_id}/complete")
def complete_job(job_id: int, body: JobCompletion):
    if body.job_id != job_id:
        raise HTTPException(status_code=400, detail="job id mismatch")
    archiver = PhotoArchiver(job_id, body.photo_urls)
    try:
        stored = archiver.archive_all()
    except (requests.RequestException, ValueError) as exc:
        log.warning("photo archive failed for job %d: %r", job_id, exc)
        raise HTTPException(status_code=502, detail="could not archive photos")
    log.info("job %d closed by %r with %d photos", job_id, body.technician_id, len(stored))
    return {"job_id": job_id, "photos": stored, "status": "closed"}
