"""Relays internal domain events to customer-registered webhooks."""
import hashlib
import hmac
import json
import logging
import os
import secrets
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import httpx
from aiohttp import web

logger = logging.getLogger("webhook-relay")
SIGNING_SECRET = os.environ["WEBHOOK_SIGNING_SECRET"].encode("utf-8")
ADMIN_API_KEY = os.environ["RELAY_ADMIN_API_KEY"]


@dataclass
class Subscription:
    target_url: str
    events: set
    id: str = field(default_factory=lambda: secrets.token_hex(8))


def sign(body: bytes, timestamp: str) -> str:
    return hmac.new(SIGNING_SECRET, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


class Relay:
    def __init__(self):
        self.subscriptions = {}
        self.client = httpx.AsyncClient(verify=False, follow_redirects=True)  # VULN

    async def deliver(self, sub: Subscription, event: dict) -> int:
        body = json.dumps(event, separators=(",", ":")).encode("utf-8")
        timestamp = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Relay-Timestamp": timestamp,
            "X-Relay-Signature": sign(body, timestamp),
        }
        resp = await self.client.post(sub.target_url, content=body, headers=headers, timeout=10.0)  # VULN flow
        return resp.status_code


relay = Relay()


def authorized(request: web.Request) -> bool:
    return hmac.compare_digest(request.headers.get("X-Api-Key", ""), ADMIN_API_KEY)


async def register(request: web.Request) -> web.Response:
    if not authorized(request):
        raise web.HTTPUnauthorized()
    data = await request.json()
    target = str(data.get("target_url", ""))
    parsed = urlparse(target)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        raise web.HTTPBadRequest(text="target_url must be an absolute http(s) url")
    sub = Subscription(target_url=target, events=set(data.get("events", ["*"])))
    relay.subscriptions[sub.id] = sub
    try:
        status = await relay.deliver(sub, {"type": "ping", "subscription": sub.id})
    except httpx.HTTPError:
        status = None
    logger.info("registered webhook %s for %r", sub.id, target)
    return web.json_response({"id": sub.id, "ping_status": status}, status=201)


async def on_shutdown(app: web.Application) -> None:
    await relay.client.aclose()


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/subscriptions", register)
    app.on_shutdown.append(on_shutdown)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8090)
