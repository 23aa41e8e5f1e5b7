"""Partner webhook relay: partners register endpoints and receive signed order events."""
import asyncio
import hashlib
import hmac
import json
import logging
import os
import time
import uuid

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("relay")
app = FastAPI(title="webhook-relay")

ALLOWED_PREFIX = "https://hooks.partnerhub.io"
SIGNING_KEY = os.environ["RELAY_SIGNING_KEY"].encode()


class Subscription(BaseModel):
    partner: str = Field(..., max_length=40)
    url: str
    events: list[str] = ["order.created"]


class Event(BaseModel):
    type: str
    data: dict


class WebhookRelay:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.subscriptions: dict[str, Subscription] = {}

    def register(self, sub: Subscription) -> str:
        if not sub.url.startswith(ALLOWED_PREFIX):
            raise ValueError("webhook URL must be a partnerhub endpoint")
        sub_id = uuid.uuid4().hex
        self.subscriptions[sub_id] = sub
        return sub_id

    def sign(self, body: bytes, ts: str) -> str:
        return hmac.new(SIGNING_KEY, ts.encode() + b"." + body, hashlib.sha256).hexdigest()

    async def deliver(self, sub: Subscription, event: Event) -> int:
        body = json.dumps({"type": event.type, "data": event.data}).encode()
        ts = str(int(time.time()))
        headers = {"Content-Type": "application/json", "X-Relay-Timestamp": ts,
                   "X-Relay-Signature": self.sign(body, ts)}
        resp = await self.client.post(sub.url, content=body, headers=headers)  # VULN flow
        return resp.status_code

    async def fan_out(self, event: Event) -> dict[str, int]:
        targets = [(sid, s) for sid, s in self.subscriptions.items() if event.type in s.events]
        results = await asyncio.gather(*(self.deliver(s, event) for _, s in targets),
                                       return_exceptions=True)
        return {sid: (r if isinstance(r, int) else -1) for (sid, _), r in zip(targets, results)}


relay = WebhookRelay(httpx.AsyncClient(timeout=10.0, verify=False))  # VULN


@app.post("/subscriptions", status_code=201)
async def subscribe(sub: Subscription):
    try:
        sub_id = relay.register(sub)
    except ValueError as exc:
        raise HTTPException(422, str(exc))
    return {"id": sub_id}


@app.post("/internal/events")
async def publish(event: Event):
    results = await relay.fan_out(event)
    failed = [sid for sid, code in results.items() if code < 200 or code >= 300]
    if failed:
        log.warning("%d deliveries failed for %s", len(failed), event.type)
    return {"delivered": len(results) - len(failed), "failed": failed}


@app.on_event("shutdown")
async def close_client() -> None:
    await relay.client.aclose()
