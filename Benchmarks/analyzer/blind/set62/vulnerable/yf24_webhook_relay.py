"""Delivery partner webhooks: partners register a callback URL and receive
order status updates (accepted, picked_up, delivered) from dispatch."""
import json
import logging

from aiohttp import ClientError, ClientSession, ClientTimeout, web

log = logging.getLogger("dispatch.webhooks")
HOOK_TIMEOUT = ClientTimeout(total=5)

SAMPLE_EVENT = {
    "event": "order.status",
    "order_id": "TEST-0001",
    "status": "picked_up",
    "eta_minutes": 18,
}


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
    url = str(body.get("callback_url", "")).strip()
    if not url.startswith(("http://", "https://")):
        raise web.HTTPBadRequest(text="callback_url must be http(s)")
    await request.app["registry"].set(partner_id, url)
    log.info("partner %r registered a webhook", partner_id)
    return web.json_response({"ok": True})


async def test_webhook(request: web.Request) -> web.Response:
    partner_id = request["partner_id"]
    body = await request.json() if request.can_read_body else {}
    url = body.get("callback_url") or await request.app["registry"].get(partner_id)
    if not url:
        raise web.HTTPNotFound(text="no webhook registered")
    try:
        async with request.app["http"].post(url, json=SAMPLE_EVENT, timeout=HOOK_TIMEOUT) as resp:  # VULN flow
            text = await resp.text()
    except (ClientError, TimeoutError) as exc:
        return web.json_response({"delivered": False, "error": str(exc)})
    return web.json_response({"delivered": resp.status < 300, "status": resp.status, "body": text[:2000]})


async def notify_partner(app: web.Application, partner_id: str, event: dict) -> bool:
    url = await app["registry"].get(partner_id)
    if url is None:
        return False
    try:
        async with app["http"].post(url, data=json.dumps(event), timeout=HOOK_TIMEOUT,  # VULN flow
                                    headers={"Content-Type": "application/json"}) as resp:
            return resp.status < 300
    except (ClientError, TimeoutError):
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
