"""Partner webhooks for severe-weather alerts.

Emergency managers register a callback URL; every new warning touching one of
their counties is POSTed to it. Registration sends a test ping first.
"""
import logging
import uuid
from typing import Dict, List

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


def deliver(hook: Webhook, payload: dict) -> int:
    target = hook.url
    resp = requests.post(target, json=payload, timeout=5,  # VULN flow
                         headers={"User-Agent": "wx-alert-webhooks/1.4"})
    return resp.status_code


def fan_out(alert: dict) -> None:
    for hook in list(HOOKS.values()):
        if not hook.counties.intersection(alert.get("counties", [])):
            continue
        try:
            status = deliver(hook, alert)
            hook.failures = 0 if status < 400 else hook.failures + 1
        except requests.RequestException:
            hook.failures += 1
        if hook.failures >= 10:
            log.warning("disabling webhook %s after repeated failures", hook.id)
            HOOKS.pop(hook.id, None)


@app.post("/webhooks", status_code=201)
def register(body: WebhookIn):
    hook = Webhook(body.partner, body.url, body.counties)
    try:
        status = deliver(hook, {"type": "ping", "webhook_id": hook.id})
    except requests.RequestException as exc:
        raise HTTPException(status_code=400, detail=f"callback unreachable: {exc}")
    if status >= 400:
        raise HTTPException(status_code=400, detail=f"callback answered HTTP {status}")
    HOOKS[hook.id] = hook
    return {"id": hook.id, "ping_status": status}


@app.post("/internal/alerts")
def new_alert(alert: dict, tasks: BackgroundTasks):
    tasks.add_task(fan_out, alert)
    return {"queued": True}
