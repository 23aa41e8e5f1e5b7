"""Dispatch webhooks: tell partner restaurants' POS integrations about courier status.

Restaurants register a callback URL in the partner portal; the dispatch
service POSTs signed events to it. The portal's "Send test event" button
calls the /test endpoint and shows the partner whether delivery worked.
"""
import hashlib
import hmac
import ipaddress
import json
import logging
import socket
import time
from typing import Dict, Tuple
from urllib.parse import urlsplit

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("dispatch.webhooks")
app = FastAPI(title="Partner webhooks")


class WebhookRegistration(BaseModel):
    callback_url: str
    secret: str


def validate_callback_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError("callback_url must be an https URL")
    for info in socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP):
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise ValueError("callback host resolves to a non-public address")
    return url


class WebhookNotifier:
    def __init__(self, restaurant_id: int, callback_url: str, secret: str):
        self.restaurant_id = restaurant_id
        self.callback_url = callback_url
        self.secret = secret

    def sign(self, body: bytes, ts: str) -> str:
        return hmac.new(self.secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()

    def notify(self, event: dict) -> Tuple[int, str]:
        body = json.dumps(event, separators=(",", ":")).encode()
        ts = str(int(time.time()))
        resp = requests.post(
            validate_callback_url(self.callback_url),
            data=body,
            headers={"Content-Type": "application/json", "X-Timestamp": ts, "X-Signature": self.sign(body, ts)},
            timeout=5,
            allow_redirects=False,
        )
        return resp.status_code, resp.reason


REGISTRY: Dict[int, WebhookNotifier] = {}


@app.put("/restaurants/{restaurant_id}/webhook")
def register_webhook(restaurant_id: int, reg: WebhookRegistration):
    try:
        validate_callback_url(reg.callback_url)
    except (ValueError, socket.gaierror) as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    REGISTRY[restaurant_id] = WebhookNotifier(restaurant_id, reg.callback_url, reg.secret)
    log.info("webhook registered for restaurant %s", restaurant_id)
    return {"ok": True}


@app.post("/restaurants/{restaurant_id}/webhook/test")
def test_webhook(restaurant_id: int):
    notifier = REGISTRY.get(restaurant_id)
    if notifier is None:
        raise HTTPException(status_code=404, detail="no webhook registered")
    try:
        status, text = notifier.notify({"type": "ping", "restaurant_id": restaurant_id, "ts": int(time.time())})
    except (requests.RequestException, ValueError, socket.gaierror):
        return {"delivered": False, "error": "delivery failed"}
    return {"delivered": 200 <= status < 300, "status": status, "response": text}
