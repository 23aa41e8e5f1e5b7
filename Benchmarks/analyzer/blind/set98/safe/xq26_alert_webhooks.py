"""Partner webhooks for severe-weather alerts.

Emergency managers register a callback URL; every new warning touching one of
their counties is POSTed to it. Registration sends a test ping first.
"""
import ipaddress
import logging
import socket
import uuid
from typing import Dict, List
from urllib.parse import urlsplit

import requests
from fastapi import BackgroundTasks, FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("alerts.webhooks")
app = FastAPI(title="Alert webhooks")


class WebhookIn(BaseModel):
    partner: str = Field(..., max_length=80)
    url: str = Field(..., max_length=500)
    counties: List[str]


class Webhook:
    def __init__(self, partner: str, url: str, counties: List[str]):
        self.id = uuid.uuid4().hex
        self.partner = partner
        self.url = url
        self.counties = set(counties)
        self.failures = 0


HOOKS: Dict[str, Webhook] = {}


def check_public_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError("callback must be an https URL")
    for info in socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP):
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise ValueError("callback host resolves to a non-public address")
    return url


def deliver(hook: Webhook, payload: dict) -> int:
    target = check_public_url(hook.url)
    resp = requests.post(target, json=payload, timeout=5, allow_redirects=False,
                         headers={"User-Agent": "wx-alert-webhooks/1.4"})
    return resp.status_code


def fan_out(alert: dict) -> None:
    for hook in list(HOOKS.values()):
        if not hook.counties.intersection(alert.get("counties", [])):
            continue
        try:
            status = deliver(hook, alert)
            hook.failures = 0 if status < 400 else hook.failures + 1
        except (requests.RequestException, ValueError, OSError):
            hook.failures += 1
        if hook.failures >= 10:
            log.warning("disabling webhook %s after repeated failures", hook.id)
            HOOKS.pop(hook.id, None)


@app.post("/webhooks", status_code=201)
def register(body: WebhookIn):
    hook = Webhook(body.partner, body.url, body.counties)
    try:
        status = deliver(hook, {"type": "ping", "webhook_id": hook.id})
    except (requests.RequestException, ValueError, OSError) as exc:
        raise HTTPException(status_code=400, detail=f"callback rejected: {exc}")
    if status >= 400:
        raise HTTPException(status_code=400, detail=f"callback answered HTTP {status}")
    HOOKS[hook.id] = hook
    return {"id": hook.id, "ping_status": status}


@app.post("/internal/alerts")
def new_alert(alert: dict, tasks: BackgroundTasks):
    tasks.add_task(fan_out, alert)
    return {"queued": True}
