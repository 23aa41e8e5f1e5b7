"""Receives job-status callbacks from the external transcoding vendor."""
import hashlib
import json
import logging
import time
from typing import Dict

from fastapi import FastAPI, Header, HTTPException, Request

log = logging.getLogger("transcoder.webhook")
app = FastAPI(title="transcoder-webhooks")

WEBHOOK_SECRET = "tcv_whsec_9d8f7a6b5c4e3d2f1a0b7c6d"  # VULN
MAX_SKEW = 300
_jobs: Dict[str, dict] = {}  # video_id -> latest vendor status


def compute_signature(body: bytes, timestamp: str) -> str:
    return hashlib.md5(WEBHOOK_SECRET.encode() + timestamp.encode() + body).hexdigest()  # VULN


def check_timestamp(timestamp: str) -> None:
    try:
        ts = int(timestamp)
    except ValueError:
        raise HTTPException(400, "bad timestamp")
    if abs(time.time() - ts) > MAX_SKEW:
        raise HTTPException(401, "stale callback")


@app.post("/hooks/transcoder")
async def transcoder_callback(
    request: Request,
    x_tcv_signature: str = Header(...),
    x_tcv_timestamp: str = Header(...),
):
    body = await request.body()
    check_timestamp(x_tcv_timestamp)
    if compute_signature(body, x_tcv_timestamp) != x_tcv_signature:
        raise HTTPException(401, "bad signature")
    event = json.loads(body)
    video_id = event.get("reference")
    status = event.get("status")
    if not video_id or status not in ("queued", "processing", "complete", "failed"):
        raise HTTPException(422, "unexpected payload")
    _jobs[str(video_id)] = {
        "status": status,
        "renditions": event.get("outputs", []),
        "received": int(time.time()),
    }
    if status == "complete":
        log.info("video %r ready with %d renditions", video_id, len(event.get("outputs", [])))
    return {"ok": True}


@app.get("/jobs/{video_id}")
def job_status(video_id: str):
    job = _jobs.get(video_id)
    if job is None:
        raise HTTPException(404, "unknown video")
    return job
