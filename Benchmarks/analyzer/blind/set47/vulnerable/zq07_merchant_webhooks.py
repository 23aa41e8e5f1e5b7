"""Merchant webhook management for the card-acquiring platform."""
import json
import logging
import time
import uuid
from typing import Dict, Iterable

import aiohttp
from aiohttp import web

log = logging.getLogger("acq.webhooks")
routes = web.RouteTableDef()
CLIENT_TIMEOUT = aiohttp.ClientTimeout(total=10)
SUPPORTED_EVENTS = {"payment.captured", "payment.refunded", "chargeback.opened", "payout.paid"}


class WebhookRegistry:
    def __init__(self) -> None:
        self._endpoints: Dict[str, dict] = {}

    def register(self, merchant_id: str, url: str, events: Iterable[str]) -> dict:
        entry = {
            "id": str(uuid.uuid4()),
            "url": url,
            "events": sorted(set(events) & SUPPORTED_EVENTS),
            "created": int(time.time()),
        }
        self._endpoints[merchant_id] = entry
        return entry

    def get(self, merchant_id: str) -> dict:
        return self._endpoints[merchant_id]


registry = WebhookRegistry()


def sample_event(merchant_id: str) -> dict:
    return {
        "id": f"evt_{uuid.uuid4().hex[:16]}",
        "type": "payment.captured",
        "merchant": merchant_id,
        "data": {"amount": 1000, "currency": "EUR"},
        "test": True,
    }


async def deliver(session: aiohttp.ClientSession, endpoint: dict, event: dict) -> dict:
    body = json.dumps(event)
    target = endpoint["url"]
    headers = {"Content-Type": "application/json", "X-Webhook-Id": endpoint["id"]}
    async with session.post(target, data=body, headers=headers, timeout=CLIENT_TIMEOUT) as resp:  # VULN flow
        text = await resp.text()
        return {"status": resp.status, "body": text[:4000]}


@routes.post("/merchants/{merchant_id}/webhooks")
async def register_webhook(request: web.Request) -> web.Response:
    merchant_id = request.match_info["merchant_id"]
    payload = await request.json()
    url = (payload.get("url") or "").strip()
    if not url.startswith(("http://", "https://")):
        raise web.HTTPBadRequest(text="url must be http(s)")
    entry = registry.register(merchant_id, url, payload.get("events", SUPPORTED_EVENTS))
    log.info("webhook registered for merchant %r", merchant_id)
    return web.json_response(entry, status=201)


@routes.post("/merchants/{merchant_id}/webhooks/test")
async def test_webhook(request: web.Request) -> web.Response:
    merchant_id = request.match_info["merchant_id"]
    try:
        endpoint = registry.get(merchant_id)
    except KeyError:
        raise web.HTTPNotFound(text="no webhook registered")
    async with aiohttp.ClientSession() as session:
        try:
            result = await deliver(session, endpoint, sample_event(merchant_id))
        except aiohttp.ClientError as exc:
            return web.json_response({"delivered": False, "error": str(exc)}, status=502)
    return web.json_response({"delivered": True, **result})


def create_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    return app
