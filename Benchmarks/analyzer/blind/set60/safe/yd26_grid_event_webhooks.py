"""Webhook fan-out for grid telemetry events (FastAPI).

Aggregators and DER operators register HTTPS callbacks and receive
frequency / curtailment events as they are published.
"""
import ipaddress
import logging
import socket
import uuid
from typing import Dict, List
from urllib.parse import urlparse

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


def check_callback(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname:
        raise ValueError("callback must be an https URL")
    for info in socket.getaddrinfo(parsed.hostname, parsed.port or 443, proto=socket.IPPROTO_TCP):
        if not ipaddress.ip_address(info[4][0]).is_global:
            raise ValueError("callback resolves to a non-public address")
    return url


async def deliver(sub: dict, event: dict) -> int:
    url = check_callback(sub["url"])
    async with httpx.AsyncClient(follow_redirects=False) as client:
        resp = await client.post(url, json=event, timeout=5.0)
    return resp.status_code


@app.post("/subscriptions", status_code=201)
async def subscribe(body: SubscriptionIn):
    unknown = set(body.events) - EVENT_TYPES
    if unknown:
        raise HTTPException(status_code=422, detail=f"unknown events: {sorted(unknown)}")
    try:
        url = check_callback(body.callback_url)
    except (ValueError, OSError):
        raise HTTPException(status_code=422, detail="callback URL not allowed")
    sid = uuid.uuid4().hex
    SUBSCRIPTIONS[sid] = {"name": body.name, "url": url, "events": set(body.events)}
    log.info("subscription %s created for %r", sid, body.name)
    return {"id": sid}


@app.post("/subscriptions/{sid}/test")
async def test_subscription(sid: str):
    sub = SUBSCRIPTIONS.get(sid)
    if sub is None:
        raise HTTPException(status_code=404)
    try:
        status = await deliver(sub, {"type": "test", "payload": {}})
    except (ValueError, OSError, httpx.HTTPError):
        raise HTTPException(status_code=502, detail="callback unreachable")
    return {"status": status}


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
        except (ValueError, OSError, httpx.HTTPError) as exc:
            log.warning("delivery to %s failed: %r", sid, exc)
    return {"delivered": delivered}
