"""Webhook relay for the brewery inventory system.

Distributors register a callback URL and get notified when a batch is
packaged and ready for pickup.
"""
import logging
import secrets
from datetime import datetime, timezone
from urllib.parse import urlparse

import httpx
from fastapi import BackgroundTasks, FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("brewery.webhooks")
app = FastAPI(title="Brewery webhooks")

BLOCKED_HOSTS = {"localhost", "127.0.0.1", "0.0.0.0", "169.254.169.254", "metadata.google.internal"}
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
    if parsed.scheme not in ("http", "https"):
        raise HTTPException(status_code=422, detail="callback must be http(s)")
    if parsed.hostname in BLOCKED_HOSTS:
        raise HTTPException(status_code=422, detail="callback host not allowed")
    return url


async def deliver(url, payload):
    async with httpx.AsyncClient(verify=False, timeout=10) as client:  # VULN
        try:
            resp = await client.post(url, json=payload)  # VULN flow
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
