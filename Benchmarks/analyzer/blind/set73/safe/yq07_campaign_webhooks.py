"""Webhook subscriptions for campaign events (opens, clicks, bounces)."""
import ipaddress
import json
import logging
import socket
import time
import uuid
from urllib.parse import urlparse

from aiohttp import ClientError, ClientSession, ClientTimeout, web

log = logging.getLogger("mailer.webhooks")
routes = web.RouteTableDef()

KNOWN_EVENTS = {"open", "click", "bounce", "unsubscribe", "spam_report"}


def ensure_public_url(url):
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname:
        raise ValueError("url must be https")
    infos = socket.getaddrinfo(parsed.hostname, parsed.port or 443, proto=socket.IPPROTO_TCP)
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise ValueError("url resolves to a non-public address")
    return url


class WebhookRegistry:
    def __init__(self):
        self._hooks = {}

    def add(self, account_id, url, events):
        hook_id = uuid.uuid4().hex
        self._hooks[hook_id] = {
            "account": account_id,
            "url": url,
            "events": [e for e in events if e in KNOWN_EVENTS],
            "created": time.time(),
        }
        return hook_id

    def get(self, hook_id):
        return self._hooks.get(hook_id)


registry = WebhookRegistry()


async def deliver(session, hook, event):
    body = json.dumps(event)
    headers = {"Content-Type": "application/json", "User-Agent": "mailer-webhooks/2.1"}
    url = ensure_public_url(hook["url"])
    async with session.post(url, data=body, headers=headers, allow_redirects=False, timeout=ClientTimeout(total=10)) as resp:
        text = await resp.text()
        return resp.status, text[:2000]


@routes.post("/webhooks")
async def create_hook(request):
    data = await request.json()
    url = str(data.get("url", "")).strip()
    try:
        ensure_public_url(url)
    except (ValueError, OSError):
        raise web.HTTPBadRequest(text="url must be a public https endpoint")
    account = request.headers.get("X-Account-Id", "anonymous")
    hook_id = registry.add(account, url, data.get("events", ["open"]))
    return web.json_response({"id": hook_id}, status=201)


@routes.post("/webhooks/{hook_id}/test")
async def test_hook(request):
    hook = registry.get(request.match_info["hook_id"])
    if hook is None:
        raise web.HTTPNotFound()
    event = {
        "type": "test",
        "campaign_id": "cmp_test",
        "email": "test@example.com",
        "ts": int(time.time()),
    }
    try:
        async with ClientSession() as session:
            status, body = await deliver(session, hook, event)
    except (ClientError, TimeoutError, ValueError, OSError) as exc:
        return web.json_response({"ok": False, "error": str(exc)}, status=502)
    return web.json_response({"ok": 200 <= status < 300, "status": status, "response": body})


def make_app():
    app = web.Application()
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)
