"""Grade passback: LMS platforms register a callback URL per course and
receive quiz results as signed JSON."""
import hashlib
import hmac
import json
import logging
import os
from typing import Dict

import requests
from fastapi import BackgroundTasks, FastAPI, Header, HTTPException
from pydantic import BaseModel

log = logging.getLogger("grade_passback")
app = FastAPI(title="grade-passback")

SIGNING_KEY = os.environ["PASSBACK_SIGNING_KEY"].encode()
LMS_KEYS = {k for k in os.environ.get("LMS_API_KEYS", "").split(",") if k}
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


def sign(body: bytes) -> str:
    return hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()


def probe_callback(url: str) -> dict:
    resp = requests.get(url, timeout=5)  # VULN flow
    return {"status": resp.status_code, "body": resp.text[:300]}


def deliver(course_id: str, event: dict) -> None:
    target = CALLBACKS[course_id]
    body = json.dumps(event).encode()
    headers = {"Content-Type": "application/json", "X-Signature": sign(body)}
    try:
        resp = requests.post(target["url"], data=body, headers=headers, timeout=10)  # VULN flow
        log.info("delivered grade for course %r: HTTP %s", course_id, resp.status_code)
    except requests.RequestException as exc:
        log.warning("delivery for course %r failed: %s", course_id, exc)


@app.post("/lms/register")
def register(reg: Registration, x_lms_key: str = Header(""), x_lms_client: str = Header("unknown")):
    check_key(x_lms_key)
    try:
        probe = probe_callback(reg.callback_url)
    except requests.RequestException as exc:
        raise HTTPException(status_code=400, detail=f"callback not reachable: {exc}")
    CALLBACKS[reg.course_id] = {"url": reg.callback_url, "platform": reg.platform}
    log.info(f"callback registered for course {reg.course_id} ({reg.platform}) by {x_lms_client}")  # VULN flow
    return {"ok": True, "probe": probe}


@app.post("/grades")
def grade_ready(event: GradeEvent, tasks: BackgroundTasks, x_lms_key: str = Header("")):
    check_key(x_lms_key)
    if event.course_id not in CALLBACKS:
        raise HTTPException(status_code=404, detail="course has no callback")
    tasks.add_task(deliver, event.course_id, event.dict())
    return {"queued": True}
