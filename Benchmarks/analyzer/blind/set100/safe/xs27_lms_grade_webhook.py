"""Grade passback: LMS platforms register a callback URL per course and
receive quiz results as signed JSON."""
import hashlib
import hmac
import json
import logging
import os
from typing import Dict
from urllib.parse import urlsplit

import requests
from fastapi import BackgroundTasks, FastAPI, Header, HTTPException
from pydantic import BaseModel

log = logging.getLogger("grade_passback")
app = FastAPI(title="grade-passback")

SIGNING_KEY = os.environ["PASSBACK_SIGNING_KEY"].encode()
LMS_KEYS = {k for k in os.environ.get("LMS_API_KEYS", "").split(",") if k}
LMS_DOMAINS = (".instructure.com", ".moodlecloud.com", ".schoology.com", ".brightspace.com")
CALLBACKS: Dict[str, dict] = {}


class Registration(BaseModel):
    course_id: str
    callback_url: str
    platform: str = "generic"


class GradeEvent(BaseModel):
    course_id: str
    student_ref: str
    quiz_id: int
    score: float


def check_key(key: str) -> None:
    if not any(hmac.compare_digest(key, k) for k in LMS_KEYS):
        raise HTTPException(status_code=401, detail="unknown LMS key")


def check_callback_url(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or parts.port not in (None, 443) or not host.endswith(LMS_DOMAINS):
        raise HTTPException(status_code=400, detail="callback must be an https URL on a supported LMS")
    return url


def sign(body: bytes) -> str:
    return hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()


def probe_callback(url: str) -> dict:
    resp = requests.get(check_callback_url(url), timeout=5, allow_redirects=False)
    return {"status": resp.status_code, "body": resp.text[:300]}


def deliver(course_id: str, event: dict) -> None:
    target = CALLBACKS[course_id]
    body = json.dumps(event).encode()
    headers = {"Content-Type": "application/json", "X-Signature": sign(body)}
    try:
        resp = requests.post(target["url"], data=body, headers=headers, timeout=10, allow_redirects=False)
        log.info("delivered grade for course %r: HTTP %s", course_id, resp.status_code)
    except requests.RequestException as exc:
        log.warning("delivery for course %r failed: %s", course_id, exc)


@app.post("/lms/register")
def register(reg: Registration, x_lms_key: str = Header(""), x_lms_client: str = Header("unknown")):
    check_key(x_lms_key)
    url = check_callback_url(reg.callback_url)
    try:
        probe = probe_callback(url)
    except requests.RequestException as exc:
        raise HTTPException(status_code=400, detail=f"callback not reachable: {exc}")
    CALLBACKS[reg.course_id] = {"url": url, "platform": reg.platform}
    log.info("callback registered for course %r (%r) by %r", reg.course_id, reg.platform, x_lms_client)
    return {"ok": True, "probe": probe}


@app.post("/grades")
def grade_ready(event: GradeEvent, tasks: BackgroundTasks, x_lms_key: str = Header("")):
    check_key(x_lms_key)
    if event.course_id not in CALLBACKS:
        raise HTTPException(status_code=404, detail="course has no callback")
    tasks.add_task(deliver, event.course_id, event.dict())
    return {"queued": True}
