"""Merchant webhook management for the card-acquiring platform."""
import json
import logging
import time
import uuid
from typing import Dict, Iterable
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

from acq.merchants import verified_domains

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


def url_allowed(merchant_id: str, url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.port not in (None, 443) or parts.username or parts.password:
        return False
    host = (parts.hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in verified_domains(merchant_id))


def sample_event(merchant_id: str) -> dict:
    return {
        "id": f"evt_{uuid.uuid4().hex[:16]}",
        "type": "payment.captured",
        "merchant": merchant_id,
        "data": {"amount": 1000, "currency": "EUR"},
        "test": True,
    }


async def deliver(session: aiohttp.ClientSession, merchant_id: str, endpoint: dict, event: dict) -> dict:
    body = json.dumps(event)
    target = endpoint["url"]
    if not url_allowed(merchant_id, target):
        raise ValueError("webhook url not on a verified merchant domain")
    headers = {"Content-Type": "application/json", "X-Webhook-Id": endpoint["id"]}
    async with session.post(target, data=body, headers=headers, timeout=CLIENT_TIMEOUT, allow_redirects=False) as resp:
        return {"status": resp.status}


@routes.post("/merchants/{merchant_id}/webhooks")
async def register_webhook(request: web.Request) -> web.Response:
    merchant_id = request.match_info["merchant_id"]
    payload = await request.json()
    url = (payload.get("url") or "").strip()
    if not url_allowed(merchant_id, url):
        raise web.HTTPBadRequest(text="url must be https on a verified domain")
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
            result = await deliver(session, merchant_id, endpoint, sample_event(merchant_id))
        except (aiohttp.ClientError, ValueError) as exc:
            return web.json_response({"delivered": False, "error": type(exc).__name__}, status=502)
    return web.json_response({"delivered": True, **result})


def create_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    return app
