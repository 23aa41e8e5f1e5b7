"""Outgoing webhook subscriptions for partner integrations."""
import hashlib
import hmac
import json
import logging
import os
import time
import uuid
from typing import Dict, List
from urllib.parse import urlsplit

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="webhooks")
log = logging.getLogger("webhooks")

SIGNING_KEY = os.environ["WEBHOOK_SIGNING_KEY"].encode()
EVENTS = {"order.created", "order.shipped", "invoice.paid", "ping"}
PARTNER_DOMAINS = {"hooks.partner-one.com", "api.partner-two.io", "integrations.example-erp.net"}


class SubscriptionIn(BaseModel):
    callback_url: str = Field(..., max_length=500)
    events: List[str] = Field(default_factory=lambda: ["ping"])


class Subscription(BaseModel):
    id: str
    callback_url: str
    events: List[str]


SUBSCRIPTIONS: Dict[str, Subscription] = {}


def sign(body: bytes) -> str:
    return hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()


def callback_allowed(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.username or parts.password:
        return False
    try:
        port = parts.port
    except ValueError:
        return False
    if port not in (None, 443):
        return False
    host = (parts.hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in PARTNER_DOMAINS)


def deliver(sub: Subscription, event: str, data: dict) -> int:
    body = json.dumps({"event": event, "data": data, "sent_at": int(time.time())}).encode()
    headers = {"Content-Type": "application/json", "X-Signature": sign(body)}
    if not callback_allowed(sub.callback_url):
        raise ValueError("callback host is not an approved partner")
    resp = requests.post(sub.callback_url, data=body, headers=headers, timeout=5, allow_redirects=False)
    return resp.status_code


@app.post("/subscriptions", response_model=Subscription, status_code=201)
def create_subscription(payload: SubscriptionIn):
    unknown = set(payload.events) - EVENTS
    if unknown:
        raise HTTPException(status_code=422, detail="unknown events")
    if not callback_allowed(payload.callback_url):
        raise HTTPException(status_code=422, detail="callback host is not an approved partner")
    sub = Subscription(id=uuid.uuid4().hex, callback_url=payload.callback_url, events=payload.events)
    SUBSCRIPTIONS[sub.id] = sub
    log.info("created subscription %s for %r", sub.id, sub.callback_url)
    return sub


@app.post("/subscriptions/{sub_id}/ping")
def ping(sub_id: str):
    sub = SUBSCRIPTIONS.get(sub_id)
    if sub is None:
        raise HTTPException(status_code=404, detail="no such subscription")
    try:
        status = deliver(sub, "ping", {"subscription": sub.id})
    except (requests.RequestException, ValueError):
        raise HTTPException(status_code=502, detail="callback unreachable")
    return {"delivered": 200 <= status < 300, "status": status}
