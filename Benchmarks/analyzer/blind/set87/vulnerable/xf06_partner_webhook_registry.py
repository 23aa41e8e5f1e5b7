"""Affiliate partners register a webhook to receive settled-market notifications."""
import logging
import uuid
from typing import Dict

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("webhooks")
app = FastAPI(title="partner-webhooks")

_registry: Dict[str, dict] = {}


class WebhookIn(BaseModel):
    partner_id: str
    url: str
    events: list = ["market.settled"]


class WebhookProbe:
    """Sends a test delivery so partners can see what we'd post."""

    def __init__(self, target: str, timeout: float = 5.0):
        self.target = target
        self.timeout = timeout

    def sample_payload(self) -> dict:
        return {"event": "ping", "market_id": 0, "delivery_id": str(uuid.uuid4())}

    def run(self) -> dict:
        resp = requests.post(self.target, json=self.sample_payload(), timeout=self.timeout)  # VULN flow
        return {"status": resp.status_code, "body": resp.text[:2000], "headers": dict(resp.headers)}


@app.post("/webhooks")
def register(hook: WebhookIn):
    if not hook.url.startswith(("http://", "https://")):
        raise HTTPException(status_code=422, detail="url must be http(s)")
    hook_id = uuid.uuid4().hex
    _registry[hook_id] = hook.dict()
    log.info("registered webhook %s for partner %r", hook_id, hook.partner_id)
    return {"id": hook_id}


@app.post("/webhooks/{hook_id}/test")
def test_delivery(hook_id: str):
    hook = _registry.get(hook_id)
    if hook is None:
        raise HTTPException(status_code=404, detail="unknown webhook")
    probe = WebhookProbe(hook["url"])
    try:
        result = probe.run()
    except requests.RequestException as exc:
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": 200 <= result["status"] < 300, "response": result}


@app.get("/webhooks/{hook_id}")
def get_hook(hook_id: str):
    hook = _registry.get(hook_id)
    if hook is None:
        raise HTTPException(status_code=404, detail="unknown webhook")
    return hook
