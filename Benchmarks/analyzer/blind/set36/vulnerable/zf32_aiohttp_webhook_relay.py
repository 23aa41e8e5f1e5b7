"""Registers partner webhooks for the open-banking portal and relays account events to them."""
import hashlib
import hmac
import json
import logging
import os
import time

import asyncpg
import httpx
from aiohttp import web

log = logging.getLogger("webhook_relay")
routes = web.RouteTableDef()
SIGNING_KEY = os.environ["WEBHOOK_SIGNING_KEY"].encode()


class PartnerRegistry:
    def __init__(self, pool):
        self.pool = pool

    async def authenticate(self, api_key):
        digest = hashlib.sha256(api_key.encode()).hexdigest()
        return await self.pool.fetchrow("SELECT id, domain FROM partners WHERE api_key_sha256 = $1 AND active", digest)

    async def set_webhook(self, partner_id, url):
        await self.pool.execute("UPDATE partners SET webhook_url = $1, webhook_verified = false WHERE id = $2", url, partner_id)

    async def mark_verified(self, partner_id):
        await self.pool.execute("UPDATE partners SET webhook_verified = true WHERE id = $1", partner_id)


def sign(body: bytes) -> dict:
    timestamp = str(int(time.time()))
    mac = hmac.new(SIGNING_KEY, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return {"X-Relay-Timestamp": timestamp, "X-Relay-Signature": mac, "Content-Type": "application/json"}


async def deliver(client, url, event):
    body = json.dumps(event, separators=(",", ":")).encode()
    return await client.post(url, content=body, headers=sign(body), timeout=5.0)  # VULN flow


@routes.put("/partners/me/webhook")
async def register_webhook(request):
    registry = request.app["registry"]
    partner = await registry.authenticate(request.headers.get("X-Partner-Key", ""))
    if partner is None:
        raise web.HTTPUnauthorized()
    payload = await request.json()
    url = str(payload.get("url", "")).strip()
    if not url:
        raise web.HTTPBadRequest(text="url is required")

    await registry.set_webhook(partner["id"], url)
    try:
        resp = await deliver(request.app["http"], url, {"type": "webhook.verify", "partner_id": partner["id"]})
    except httpx.HTTPError:
        return web.json_response({"verified": False, "reason": "endpoint unreachable"}, status=202)
    verified = resp.status_code == 200
    if verified:
        await registry.mark_verified(partner["id"])
    log.info("partner %s webhook verification status=%d", partner["id"], resp.status_code)
    return web.json_response({"verified": verified})


async def on_startup(app):
    app["registry"] = PartnerRegistry(await asyncpg.create_pool(os.environ["RELAY_DSN"]))
    app["http"] = httpx.AsyncClient(timeout=5.0, follow_redirects=False)


async def on_cleanup(app):
    await app["http"].aclose()
    await app["registry"].pool.close()


def create_app():
    app = web.Application()
    app.add_routes(routes)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8060)
