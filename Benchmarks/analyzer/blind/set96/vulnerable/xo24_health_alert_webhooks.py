"""Spacecraft health alert webhooks.

Partner teams register an HTTP callback and receive limit-violation alerts for
their spacecraft. ``/webhooks/{id}/test`` lets them check delivery from the UI.
"""
import logging
import uuid
from typing import Dict, Optional

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="health webhooks")
log = logging.getLogger("webhooks")

HOOKS: Dict[str, dict] = {}


class HookIn(BaseModel):
    spacecraft: str
    url: str
    label: Optional[str] = None


class Alert(BaseModel):
    spacecraft: str
    parameter: str
    value: float
    limit: float
    severity: str = "warning"


def deliver(url: str, payload: dict) -> httpx.Response:
    return httpx.post(url, json=payload, timeout=10.0)  # VULN flow


@app.post("/webhooks", status_code=201)
def register(hook: HookIn):
    hook_id = uuid.uuid4().hex
    HOOKS[hook_id] = {"spacecraft": hook.spacecraft, "url": hook.url, "label": hook.label}
    return {"id": hook_id}


@app.post("/webhooks/{hook_id}/test")
def test_hook(hook_id: str):
    hook = HOOKS.get(hook_id)
    if hook is None:
        raise HTTPException(404, "unknown webhook")
    try:
        resp = deliver(hook["url"], {"test": True, "spacecraft": hook["spacecraft"]})
    except httpx.HTTPError as exc:
        raise HTTPException(502, f"delivery failed: {exc}")
    return {"status": resp.status_code, "body": resp.text[:1000]}


@app.post("/alerts")
def publish_alert(alert: Alert):
    sent = 0
    for hook_id, hook in HOOKS.items():
        if hook["spacecraft"] != alert.spacecraft:
            continue
        try:
            deliver(hook["url"], alert.dict())
            sent += 1
        except httpx.HTTPError:
            log.warning("delivery to hook %s failed", hook_id)
    return {"delivered": sent}


@app.delete("/webhooks/{hook_id}", status_code=204)
def unregister(hook_id: str):
    HOOKS.pop(hook_id, None)
