"""Webhook relay for the brewery inventory system.

Distributors register a callback URL and get notified when a batch is
packaged and ready for pickup.
"""
import logging
import os
import secrets
from datetime import datetime, timezone
from urllib.parse import urlparse

import httpx
from fastapi import BackgroundTasks, FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("brewery.webhooks")
app = FastAPI(title="Brewery webhooks")

# hostnames of onboarded distributors, managed by ops
ALLOWED_CALLBACK_HOSTS = frozenset(
    h.strip().lower() for h in os.environ.get("WEBHOOK_ALLOWED_HOSTS", "").split(",") if h.strip()
)
SUBSCRIPTIONS = {}


class Subscription(BaseModel):
    distributor: str
    callback_url: str


class BatchReady(BaseModel):
    batch_id: str
    beer: str
    cases: int


def validate_callback(url):
    parsed = urlparse(url)
    if parsed.scheme != "https":
        raise HTTPException(status_code=422, detail="callback must use https")
    if (parsed.hostname or "").lower() not in ALLOWED_CALLBACK_HOSTS or parsed.port not in (None, 443):
        raise HTTPException(status_code=422, detail="callback host not allowed")
    if parsed.username or parsed.password:
        raise HTTPException(status_code=422, detail="credentials in callback URL are not allowed")
    return url


async def deliver(url, payload):
    async with httpx.AsyncClient(timeout=10, follow_redirects=False) as client:
        try:
            resp = await client.post(url, json=payload)
            log.info("delivered to %r: %s", url, resp.status_code)
        except httpx.HTTPError as exc:
            log.warning("delivery to %r failed: %s", url, exc)


@app.post("/subscriptions", status_code=201)
def subscribe(sub: Subscription):
    sub_id = secrets.token_hex(8)
    SUBSCRIPTIONS[sub_id] = {"distributor": sub.distributor,
                             "url": validate_callback(sub.callback_url)}
    return {"id": sub_id}


@app.delete("/subscriptions/{sub_id}", status_code=204)
def unsubscribe(sub_id: str):
    if SUBSCRIPTIONS.pop(sub_id, None) is None:
        raise HTTPException(status_code=404)


@app.post("/events/batch-ready", status_code=202)
def batch_ready(event: BatchReady, tasks: BackgroundTasks):
    payload = {**event.dict(), "sent_at": datetime.now(timezone.utc).isoformat()}
    for sub in SUBSCRIPTIONS.values():
        tasks.add_task(deliver, sub["url"], payload)
    return {"queued": len(SUBSCRIPTIONS)}
