"""Webhook fan-out for grid telemetry events (FastAPI).

Aggregators and DER operators register HTTPS callbacks and receive
frequency / curtailment events as they are published.
"""
import logging
import uuid
from typing import Dict, List

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("grid.webhooks")
app = FastAPI(title="Grid event webhooks")

EVENT_TYPES = {"frequency_excursion", "curtailment_order", "feeder_trip", "price_spike"}
SUBSCRIPTIONS: Dict[str, dict] = {}


class SubscriptionIn(BaseModel):
    name: str
    callback_url: str
    events: List[str]


class EventIn(BaseModel):
    type: str
    payload: dict


async def deliver(sub: dict, event: dict) -> int:
    async with httpx.AsyncClient() as client:
        resp = await client.post(sub["url"], json=event, timeout=5.0)  # VULN flow
    return resp.status_code


@app.post("/subscriptions", status_code=201)
async def subscribe(body: SubscriptionIn):
    unknown = set(body.events) - EVENT_TYPES
    if unknown:
        raise HTTPException(status_code=422, detail=f"unknown events: {sorted(unknown)}")
    sid = uuid.uuid4().hex
    SUBSCRIPTIONS[sid] = {"name": body.name, "url": body.callback_url, "events": set(body.events)}
    log.info("subscription %s created for %r", sid, body.name)
    return {"id": sid}


@app.post("/subscriptions/{sid}/test")
async def test_subscription(sid: str):
    sub = SUBSCRIPTIONS.get(sid)
    if sub is None:
        raise HTTPException(status_code=404)
    async with httpx.AsyncClient() as client:
        resp = await client.get(sub["url"], timeout=5.0)  # VULN flow
    return {"status": resp.status_code, "body": resp.text[:2000]}


@app.post("/events")
async def publish(event: EventIn):
    if event.type not in EVENT_TYPES:
        raise HTTPException(status_code=422, detail="unknown event type")
    delivered = 0
    for sid, sub in SUBSCRIPTIONS.items():
        if event.type not in sub["events"]:
            continue
        try:
            if await deliver(sub, event.dict()) < 300:
                delivered += 1
        except httpx.HTTPError as exc:
            log.warning("delivery to %s failed: %r", sid, exc)
    return {"delivered": delivered}
