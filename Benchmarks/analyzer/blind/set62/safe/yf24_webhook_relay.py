"""Delivery partner webhooks: partners register a callback URL and receive
order status updates (accepted, picked_up, delivered) from dispatch."""
import asyncio
import ipaddress
import json
import logging
import socket
from urllib.parse import urlparse

from aiohttp import ClientError, ClientSession, ClientTimeout, web

log = logging.getLogger("dispatch.webhooks")
HOOK_TIMEOUT = ClientTimeout(total=5)

SAMPLE_EVENT = {
    "event": "order.status",
    "order_id": "TEST-0001",
    "status": "picked_up",
    "eta_minutes": 18,
}


async def validate_callback(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname or parsed.username or parsed.password:
        raise ValueError("callback_url must be a plain https URL")
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(parsed.hostname, parsed.port or 443, type=socket.SOCK_STREAM)
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise ValueError("callback_url must resolve to a public address")
    return url


class Registry:
    """Partner id -> callback URL, persisted in Redis."""

    def __init__(self, redis):
        self.redis = redis

    async def set(self, partner_id: str, url: str) -> None:
        await self.redis.hset("webhooks", partner_id, url)

    async def get(self, partner_id: str):
        value = await self.redis.hget("webhooks", partner_id)
        return value.decode() if value else None


async def register(request: web.Request) -> web.Response:
    partner_id = request["partner_id"]
    body = await request.json()
    try:
        url = await validate_callback(str(body.get("callback_url", "")).strip())
    except (ValueError, OSError):
        raise web.HTTPBadRequest(text="callback_url must be a public https URL")
    await request.app["registry"].set(partner_id, url)
    log.info("partner %r registered a webhook", partner_id)
    return web.json_response({"ok": True})


async def test_webhook(request: web.Request) -> web.Response:
    partner_id = request["partner_id"]
    url = await request.app["registry"].get(partner_id)
    if not url:
        raise web.HTTPNotFound(text="no webhook registered")
    try:
        url = await validate_callback(url)
        async with request.app["http"].post(url, json=SAMPLE_EVENT, timeout=HOOK_TIMEOUT,
                                            allow_redirects=False) as resp:
            await resp.read()
    except (ValueError, OSError, ClientError, TimeoutError):
        return web.json_response({"delivered": False, "error": "delivery failed"})
    return web.json_response({"delivered": resp.status < 300, "status": resp.status})


async def notify_partner(app: web.Application, partner_id: str, event: dict) -> bool:
    url = await app["registry"].get(partner_id)
    if url is None:
        return False
    try:
        url = await validate_callback(url)
        async with app["http"].post(url, data=json.dumps(event), timeout=HOOK_TIMEOUT,
                                    allow_redirects=False,
                                    headers={"Content-Type": "application/json"}) as resp:
            return resp.status < 300
    except (ValueError, OSError, ClientError, TimeoutError):
        log.warning("webhook delivery to partner %r failed", partner_id)
        return False


async def _on_startup(app: web.Application) -> None:
    app["http"] = ClientSession()


async def _on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def create_app(redis) -> web.Application:
    app = web.Application()
    app["registry"] = Registry(redis)
    app.on_startup.append(_on_startup)
    app.on_cleanup.append(_on_cleanup)
    app.router.add_put("/partner/webhook", register)
    app.router.add_post("/partner/webhook/test", test_webhook)
    return app
