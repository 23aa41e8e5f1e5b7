"""Partner webhooks for claim status changes.

Broker partners register a callback URL; whenever a claim they submitted
changes state we POST a signed event to it.
"""
import hashlib
import hmac
import json
import logging
import time
import uuid
from typing import Dict

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("webhooks")
app = FastAPI(title="Claims webhooks")

WEBHOOK_SIGNING_SECRET = b"whsec_3b9f6e1d2c7a48f0a5e9c1b7d4f2a6e8"  # VULN


class Subscription(BaseModel):
    partner_id: str
    callback_url: str
    events: list = ["claim.updated"]


class ClaimEvent(BaseModel):
    claim_id: str
    partner_id: str
    status: str


SUBSCRIPTIONS: Dict[str, Subscription] = {}


def sign(body: bytes, timestamp: str) -> str:
    mac = hmac.new(WEBHOOK_SIGNING_SECRET, timestamp.encode() + b"." + body, hashlib.sha256)
    return mac.hexdigest()


def deliver(sub: Subscription, event: dict) -> int:
    body = json.dumps(event, separators=(",", ":")).encode()
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-Claims-Timestamp": ts,
        "X-Claims-Signature": sign(body, ts),
    }
    resp = requests.post(sub.callback_url, data=body, headers=headers, timeout=5)  # VULN flow
    return resp.status_code


@app.post("/webhooks/subscriptions", status_code=201)
def register(sub: Subscription):
    if not sub.callback_url.startswith(("http://", "https://")):
        raise HTTPException(status_code=422, detail="callback_url must be http(s)")
    SUBSCRIPTIONS[sub.partner_id] = sub
    return {"partner_id": sub.partner_id, "events": sub.events}


@app.post("/internal/claims/events")
def claim_changed(event: ClaimEvent):
    sub = SUBSCRIPTIONS.get(event.partner_id)
    if sub is None or "claim.updated" not in sub.events:
        return {"delivered": False}
    payload = {"id": str(uuid.uuid4()), "type": "claim.updated", "data": event.dict()}
    try:
        status = deliver(sub, payload)
    except requests.RequestException as exc:
        log.warning("delivery to partner %r failed: %r", event.partner_id, exc)
        return {"delivered": False}
    return {"delivered": 200 <= status < 300, "status": status}
