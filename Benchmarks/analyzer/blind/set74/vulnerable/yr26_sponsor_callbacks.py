"""Research office API: sponsor status callbacks and document retrieval.

Sponsors and subaward partners register a callback URL for each proposal;
we notify them whenever the proposal moves through internal routing.
"""
import hashlib
import hmac
import json
import logging
from datetime import datetime, timezone
from typing import Dict

import httpx
from fastapi import BackgroundTasks, FastAPI, HTTPException, Response
from pydantic import BaseModel, HttpUrl

log = logging.getLogger("ora.callbacks")
app = FastAPI(title="Proposal routing callbacks")

STATUSES = {"received", "department_review", "ora_review", "submitted", "awarded", "declined"}
MAX_DOC_BYTES = 10 * 1024 * 1024
DOC_TYPES = {"application/pdf", "application/msword", "text/plain"}


class CallbackRegistration(BaseModel):
    callback_url: HttpUrl
    shared_secret: str


class StatusUpdate(BaseModel):
    status: str
    comment: str = ""


_callbacks: Dict[str, CallbackRegistration] = {}


def _signed_body(secret: str, body: dict):
    payload = json.dumps(body, sort_keys=True).encode("utf-8")
    signature = hmac.new(secret.encode("utf-8"), payload, hashlib.sha256).hexdigest()
    return payload, signature


def notify(proposal_id: str, update: StatusUpdate) -> None:
    reg = _callbacks.get(proposal_id)
    if reg is None:
        return
    body = {"proposal_id": proposal_id, "status": update.status,
            "at": datetime.now(timezone.utc).isoformat()}
    payload, signature = _signed_body(reg.shared_secret, body)
    target = str(reg.callback_url)
    try:
        r = httpx.post(target, content=payload, headers={"Content-Type": "application/json", "X-ORA-Signature": signature}, timeout=10.0)  # VULN flow
        log.info("callback for %r answered %d", proposal_id, r.status_code)
    except httpx.HTTPError:
        log.warning("callback for %r failed", proposal_id, exc_info=True)


@app.put("/proposals/{proposal_id}/callback")
def register_callback(proposal_id: str, reg: CallbackRegistration):
    _callbacks[proposal_id] = reg
    return {"proposal_id": proposal_id, "registered": True}


@app.post("/proposals/{proposal_id}/status")
def update_status(proposal_id: str, update: StatusUpdate, background: BackgroundTasks):
    if update.status not in STATUSES:
        raise HTTPException(status_code=400, detail="unknown status")
    background.add_task(notify, proposal_id, update)
    return {"proposal_id": proposal_id, "status": update.status}


@app.get("/proposals/{proposal_id}/sponsor-document")
def fetch_sponsor_document(proposal_id: str, url: str):
    try:
        resp = httpx.get(url, timeout=15.0, follow_redirects=True)  # VULN flow
    except httpx.HTTPError:
        raise HTTPException(status_code=502, detail="could not retrieve document")
    if len(resp.content) > MAX_DOC_BYTES:
        raise HTTPException(status_code=413, detail="document too large")
    media_type = resp.headers.get("content-type", "").split(";")[0].strip()
    if media_type not in DOC_TYPES:
        media_type = "application/octet-stream"
    return Response(content=resp.content, media_type=media_type,
                    headers={"Content-Disposition": "attachment"})
