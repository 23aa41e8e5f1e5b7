"""Outgoing webhooks for the headless CMS.

Each workspace can register URLs that receive a POST whenever an entry is
published. The ``/test`` endpoint lets editors try a hook and see the reply.
"""
import hashlib
import hmac
import json
import logging
import time
from typing import List

import httpx
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel

from cms.auth import Workspace, workspace_admin
from cms.repo import WebhookRepo

app = FastAPI()
log = logging.getLogger("cms.webhooks")
repo = WebhookRepo()


class WebhookIn(BaseModel):
    url: str
    events: List[str] = ["entry.published"]


class Webhook(WebhookIn):
    id: int
    secret: str


def sign(secret: str, body: bytes, ts: int) -> str:
    return hmac.new(secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()


def deliver(hook: Webhook, event: str, payload: dict) -> httpx.Response:
    body = json.dumps({"event": event, "data": payload}, separators=(",", ":")).encode()
    ts = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "X-CMS-Event": event,
        "X-CMS-Signature": f"t={ts},v1={sign(hook.secret, body, ts)}",
    }
    return httpx.post(hook.url, content=body, headers=headers, timeout=10.0)  # VULN flow


@app.post("/webhooks", response_model=Webhook)
def create_webhook(data: WebhookIn, ws: Workspace = Depends(workspace_admin)):
    if not data.url.startswith(("http://", "https://")):
        raise HTTPException(status_code=400, detail="url must be http(s)")
    return repo.create(ws.id, data.url, data.events)


@app.post("/webhooks/{hook_id}/test")
def test_webhook(hook_id: int, ws: Workspace = Depends(workspace_admin)):
    hook = repo.get(ws.id, hook_id)
    if hook is None:
        raise HTTPException(status_code=404)
    try:
        resp = deliver(hook, "ping", {"workspace": ws.id})
    except httpx.HTTPError as exc:
        return {"ok": False, "error": str(exc)}
    return {"ok": resp.is_success, "status": resp.status_code, "body": resp.text[:2000]}


def on_entry_published(workspace_id: int, entry: dict) -> None:
    for hook in repo.for_event(workspace_id, "entry.published"):
        try:
            resp = deliver(hook, "entry.published", entry)
            log.info("hook %s -> %s", hook.id, resp.status_code)
        except httpx.HTTPError:
            log.exception("hook %s failed", hook.id)
