"""Partner webhook registration for the gym chain's class booking platform."""
import ipaddress
import logging
import os
import socket
import ssl
import uuid
from urllib.parse import urlsplit

import aiohttp
import aiohttp.abc
from aiohttp import web

from gymapi.auth import partner_auth_middleware
from gymapi.store import WebhookStore

log = logging.getLogger("gym.webhooks")

routes = web.RouteTableDef()
EVENT_TYPES = {"class.booked", "class.cancelled", "member.checked_in"}


class PublicOnlyResolver(aiohttp.abc.AbstractResolver):
    """Drops private, loopback and link-local answers so callbacks cannot reach internal hosts."""

    def __init__(self):
        self._inner = aiohttp.DefaultResolver()

    async def resolve(self, host, port=0, family=socket.AF_INET):
        answers = await self._inner.resolve(host, port, family)
        public = [a for a in answers if ipaddress.ip_address(a["host"]).is_global]
        if not public:
            raise OSError(f"{host} does not resolve to a public address")
        return public

    async def close(self):
        await self._inner.close()


async def http_session_ctx(app):
    connector = aiohttp.TCPConnector(ssl=ssl.create_default_context(), resolver=PublicOnlyResolver(), limit=50)
    app["http"] = aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=10))
    yield
    await app["http"].close()


def checked_callback(url, partner_domain):
    """Callbacks must be https URLs on the domain the partner registered at onboarding."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or parts.port not in (None, 443) or parts.username or parts.password:
        raise web.HTTPBadRequest(text="callback must be an https URL on port 443")
    if host != partner_domain and not host.endswith("." + partner_domain):
        raise web.HTTPBadRequest(text="callback host must belong to your registered domain")
    return parts.geturl()


async def send_ping(http, callback_url, partner_id):
    payload = {"type": "webhook.ping", "partner": partner_id, "id": str(uuid.uuid4())}
    async with http.post(callback_url, json=payload, allow_redirects=False) as resp:
        body = await resp.text()
        return resp.status, body[:500]


@routes.post("/partners/{partner_id}/webhooks")
async def register_webhook(request):
    partner_id = request.match_info["partner_id"]
    if request.get("partner_id") != partner_id:
        raise web.HTTPForbidden()
    data = await request.json()
    events = set(data.get("events", [])) & EVENT_TYPES
    if not data.get("url") or not events:
        raise web.HTTPBadRequest(text="url and at least one known event are required")
    partner_domain = await request.app["store"].registered_domain(partner_id)
    callback_url = checked_callback(str(data["url"]), partner_domain)

    try:
        status_code, body = await send_ping(request.app["http"], callback_url, partner_id)
    except aiohttp.ClientError:
        raise web.HTTPBadRequest(text="callback URL did not respond")
    if status_code >= 400:
        return web.json_response({"registered": False, "ping_status": status_code, "ping_response": body}, status=422)

    hook_id = await request.app["store"].save(partner_id, callback_url, sorted(events))
    log.info("webhook %s registered for partner %s", hook_id, request["partner_id"])
    return web.json_response({"registered": True, "id": hook_id, "ping_status": status_code}, status=201)


@routes.get("/partners/{partner_id}/webhooks")
async def list_webhooks(request):
    partner_id = request.match_info["partner_id"]
    if request.get("partner_id") != partner_id:
        raise web.HTTPForbidden()
    hooks = await request.app["store"].list(partner_id)
    return web.json_response({"webhooks": hooks})


def create_app():
    app = web.Application(middlewares=[partner_auth_middleware])
    app["store"] = WebhookStore(os.environ["WEBHOOK_DB_URL"])
    app.cleanup_ctx.append(http_session_ctx)
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8090")))
