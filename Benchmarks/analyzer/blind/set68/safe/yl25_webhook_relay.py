"""Order-event webhooks for marketplace merchants.

Merchants register a callback URL; order events from the POS / web store
are relayed to it.  The ``/test`` endpoint lets merchants check their
integration from the partner dashboard.
"""
import logging
import time
from typing import Dict, List, Tuple
from urllib.parse import urlsplit

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("webhooks")
app = FastAPI(title="merchant-webhooks")

DELIVERY_TIMEOUT = 5
# Merchant callbacks must be hosted on one of the approved integration platforms.
ALLOWED_CALLBACK_DOMAINS = ("hooks.shopconnect.example.com", "integrations.merchantcloud.example.net")


class Subscription(BaseModel):
    merchant_id: str
    url: str
    events: List[str] = ["order.created"]


SUBSCRIPTIONS: Dict[str, Subscription] = {}


def callback_allowed(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or parts.port not in (None, 443):
        return False
    return any(host == d or host.endswith("." + d) for d in ALLOWED_CALLBACK_DOMAINS)


class Relay:
    def __init__(self) -> None:
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "retail-webhooks/1.3"

    def deliver(self, sub: Subscription, event: dict) -> Tuple[int, str]:
        target = sub.url
        if not callback_allowed(target):
            raise ValueError("callback host not allowed")
        resp = self.session.post(target, json=event, timeout=DELIVERY_TIMEOUT, allow_redirects=False)
        return resp.status_code, resp.text[:2000]


relay = Relay()


@app.post("/webhooks")
def register(sub: Subscription):
    if not callback_allowed(sub.url):
        raise HTTPException(status_code=400, detail="url must be https on an approved integration domain")
    SUBSCRIPTIONS[sub.merchant_id] = sub
    log.info("webhook registered for merchant %r", sub.merchant_id)
    return {"registered": True}


@app.post("/webhooks/{merchant_id}/test")
def test_delivery(merchant_id: str):
    sub = SUBSCRIPTIONS.get(merchant_id)
    if sub is None:
        raise HTTPException(status_code=404, detail="no subscription")
    event = {"type": "ping", "merchant_id": merchant_id, "ts": int(time.time())}
    try:
        status, body = relay.deliver(sub, event)
    except (requests.RequestException, ValueError) as exc:
        return {"delivered": False, "error": str(exc)}
    return {"delivered": 200 <= status < 300, "status": status, "response": body}
