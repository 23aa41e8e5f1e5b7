import time
import uuid
from urllib.parse import urlsplit

import httpx
from fastapi import BackgroundTasks, FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="webhooks")
SUBSCRIPTIONS = {}
DELIVERIES = []
ALLOWED_WEBHOOK_HOSTS = {"hooks.partner-a.com", "events.partner-b.io", "webhooks.corp.example.com"}


class Subscription(BaseModel):
    callback_url: str
    events: list[str]


def check_callback(url):
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_WEBHOOK_HOSTS or parts.port not in (None, 443):
        raise HTTPException(status_code=422, detail="callback host is not an approved partner endpoint")
    return url


async def deliver(callback_url, event):
    started = time.monotonic()
    try:
        async with httpx.AsyncClient(timeout=10, follow_redirects=False) as client:
            resp = await client.post(callback_url, json=event, headers={"User-Agent": "acme-webhooks/1.4"})
            status = resp.status_code
    except httpx.HTTPError:
        status = None
    DELIVERIES.append({"url": callback_url, "event": event["type"], "status": status, "ms": int((time.monotonic() - started) * 1000)})


@app.post("/subscriptions")
def subscribe(sub: Subscription, background: BackgroundTasks):
    url = check_callback(sub.callback_url)
    sub_id = str(uuid.uuid4())
    SUBSCRIPTIONS[sub_id] = sub
    background.add_task(deliver, url, {"type": "subscription.created", "id": sub_id})
    return {"id": sub_id}


@app.get("/subscriptions/check")
async def check_endpoint(url: str):
    url = check_callback(url)
    async with httpx.AsyncClient(timeout=5, follow_redirects=False) as client:
        resp = await client.head(url)
    return {"status": resp.status_code}


@app.get("/deliveries")
def deliveries():
    return {"deliveries": DELIVERIES[-100:]}
