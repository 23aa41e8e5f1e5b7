"""Partner webhooks for claim status changes.

Broker partners register a callback URL; whenever a claim they submitted
changes state we POST a signed event to it.
"""
import hashlib
import hmac
import ipaddress
import json
import logging
import os
import socket
import time
import uuid
from typing import Dict
from urllib.parse import urlparse

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("webhooks")
app = FastAPI(title="Claims webhooks")

WEBHOOK_SIGNING_SECRET = os.environ["WEBHOOK_SIGNING_SECRET"].encode()


class Subscription(BaseModel):
    partner_id: str
    callback_url: str
    events: list = ["claim.updated"]


class ClaimEvent(BaseModel):
    claim_id: str
    partner_id: str
    status: str


SUBSCRIPTIONS: Dict[str, Subscription] = {}


def is_public_https(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname:
        return False
    try:
        infos = socket.getaddrinfo(parsed.hostname, parsed.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(info[4][0].split("%")[0]).is_global for info in infos)


def sign(body: bytes, timestamp: str) -> str:
    mac = hmac.new(WEBHOOK_SIGNING_SECRET, timestamp.encode() + b"." + body, hashlib.sha256)
    return mac.hexdigest()


def deliver(sub: Subscription, event: dict) -> int:
    if not is_public_https(sub.callback_url):
        raise requests.RequestException("callback host is not a public https endpoint")
    body = json.dumps(event, separators=(",", ":")).encode()
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-Claims-Timestamp": ts,
        "X-Claims-Signature": sign(body, ts),
    }
    resp = requests.post(sub.callback_url, data=body, headers=headers, timeout=5, allow_redirects=False)
    return resp.status_code


@app.post("/webhooks/subscriptions", status_code=201)
def register(sub: Subscription):
    if not is_public_https(sub.callback_url):
        raise HTTPException(status_code=422, detail="callback_url must be a public https URL")
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
