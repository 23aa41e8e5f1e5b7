"""Lab order service: lets a practice register a webhook for order status
changes.  On registration we ping the endpoint once so misconfigured URLs
are caught immediately."""
import json
import logging
import os
import uuid
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

log = logging.getLogger("lab_webhooks")
PING_TIMEOUT = aiohttp.ClientTimeout(total=8)
ALLOWED_HOSTS = frozenset(
    h.strip().lower()
    for h in os.environ.get("WEBHOOK_ALLOWED_HOSTS", "hooks.dentrixlink.com,api.opto-sync.net").split(",")
    if h.strip()
)


class WebhookRegistry:
    def __init__(self):
        self._hooks = {}

    def add(self, practice_id: str, url: str, events: list) -> str:
        hook_id = uuid.uuid4().hex
        self._hooks[hook_id] = {"practice": practice_id, "url": url, "events": events}
        return hook_id

    def get(self, hook_id: str):
        return self._hooks.get(hook_id)


def is_allowed_url(url: str) -> bool:
    parts = urlsplit(url)
    return (parts.scheme == "https" and parts.hostname is not None
            and parts.hostname.lower() in ALLOWED_HOSTS and parts.port in (None, 443))


async def ping_endpoint(session: aiohttp.ClientSession, hook: dict) -> dict:
    target = hook["url"]
    payload = {"type": "ping", "events": hook["events"]}
    async with session.post(target, json=payload, timeout=PING_TIMEOUT,
                            allow_redirects=False) as resp:
        body = await resp.text()
        return {"status": resp.status, "body": body[:2000]}


async def register_webhook(request: web.Request) -> web.Response:
    data = await request.json()
    url = str(data.get("url", "")).strip()
    events = [str(e) for e in data.get("events", ["order.shipped"])]
    if not url or not is_allowed_url(url):
        raise web.HTTPBadRequest(text="url must be an https endpoint on an approved host")
    registry: WebhookRegistry = request.app["registry"]
    hook_id = registry.add(request["practice_id"], url, events)
    try:
        result = await ping_endpoint(request.app["http"], registry.get(hook_id))
    except aiohttp.ClientError as exc:
        return web.json_response({"id": hook_id, "ping": {"error": type(exc).__name__}})
    return web.json_response({"id": hook_id, "ping": result})


@web.middleware
async def practice_auth(request, handler):
    practice = request.headers.get("X-Practice-Id")
    if not practice:
        raise web.HTTPUnauthorized()
    request["practice_id"] = practice
    return await handler(request)


async def on_startup(app):
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app):
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application(middlewares=[practice_auth])
    app["registry"] = WebhookRegistry()
    app.router.add_post("/webhooks", register_webhook)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8087)
