"""Spacecraft health alert webhooks.

Partner teams register an HTTP callback and receive limit-violation alerts for
their spacecraft. ``/webhooks/{id}/test`` lets them check delivery from the UI.
"""
import ipaddress
import logging
import socket
import uuid
from typing import Dict, Optional
from urllib.parse import urlsplit

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


def validate_callback(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError("callback must be an https URL")
    infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    for info in infos:
        if not ipaddress.ip_address(info[4][0]).is_global:
            raise ValueError("callback host resolves to a non-public address")
    return url


def deliver(url: str, payload: dict) -> httpx.Response:
    return httpx.post(validate_callback(url), json=payload, timeout=10.0, follow_redirects=False)


@app.post("/webhooks", status_code=201)
def register(hook: HookIn):
    try:
        validate_callback(hook.url)
    except (ValueError, OSError):
        raise HTTPException(422, "callback URL not allowed")
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
    except (ValueError, OSError):
        raise HTTPException(422, "callback URL not allowed")
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
        except (httpx.HTTPError, ValueError, OSError):
            log.warning("delivery to hook %s failed", hook_id)
    return {"delivered": sent}


@app.delete("/webhooks/{hook_id}", status_code=204)
def unregister(hook_id: str):
    HOOKS.pop(hook_id, None)
