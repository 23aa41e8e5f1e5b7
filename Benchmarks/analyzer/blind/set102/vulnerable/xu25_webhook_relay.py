"""Dispatch webhooks: tell partner restaurants' POS integrations about courier status.

Restaurants register a callback URL in the partner portal; the dispatch
service POSTs signed events to it. The portal's "Send test event" button
calls the /test endpoint and shows the partner what their server returned.
"""
import hashlib
import hmac
import json
import logging
import time
from typing import Dict, Tuple

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("dispatch.webhooks")
app = FastAPI(title="Partner webhooks")


class WebhookRegistration(BaseModel):
    callback_url: str
    secret: str


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
        resp = requests.post(  # VULN flow
            self.callback_url,
            data=body,
            headers={"Content-Type": "application/json", "X-Timestamp": ts, "X-Signature": self.sign(body, ts)},
            timeout=5,
        )
        return resp.status_code, resp.text[:2000]


REGISTRY: Dict[int, WebhookNotifier] = {}


@app.put("/restaurants/{restaurant_id}/webhook")
def register_webhook(restaurant_id: int, reg: WebhookRegistration):
    if not reg.callback_url.startswith(("http://", "https://")):
        raise HTTPException(status_code=422, detail="callback_url must be http(s)")
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
    except requests.RequestException as exc:
        return {"delivered": False, "error": str(exc)}
    return {"delivered": 200 <= status < 300, "status": status, "response": text}
