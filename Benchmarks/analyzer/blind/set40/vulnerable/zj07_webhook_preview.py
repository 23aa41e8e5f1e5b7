"""Integration settings service: lets tenant admins test their webhook endpoint."""
import json
import logging
import time

import aiohttp
from aiohttp import web

log = logging.getLogger("integrations")
routes = web.RouteTableDef()

SAMPLE_EVENT = {
    "type": "order.created",
    "data": {"order_id": "ord_0000", "total": 42.0, "currency": "EUR"},
}


class WebhookTarget:
    def __init__(self, url: str, secret_header: str | None = None):
        self.url = url.strip()
        self.secret_header = secret_header

    def headers(self):
        h = {"Content-Type": "application/json", "User-Agent": "acme-webhooks/2.1"}
        if self.secret_header:
            h["X-Acme-Signature"] = self.secret_header
        return h


async def deliver(session: aiohttp.ClientSession, target: WebhookTarget, event: dict):
    started = time.monotonic()
    async with session.post(target.url, data=json.dumps(event),  # VULN flow
                            headers=target.headers(),
                            timeout=aiohttp.ClientTimeout(total=8)) as resp:
        body = await resp.text()
        return {
            "status": resp.status,
            "elapsed_ms": int((time.monotonic() - started) * 1000),
            "response_excerpt": body[:2000],
        }


@routes.post("/api/integrations/webhooks/test")
async def test_webhook(request: web.Request):
    payload = await request.json()
    if not payload.get("url"):
        raise web.HTTPBadRequest(text="url required")
    target = WebhookTarget(payload["url"], payload.get("signature"))
    try:
        result = await deliver(request.app["http"], target, SAMPLE_EVENT)
    except aiohttp.ClientError as exc:
        return web.json_response({"ok": False, "error": str(exc)}, status=502)
    log.info("webhook test for tenant %s returned %s",
             request.get("tenant_id"), result["status"])
    return web.json_response({"ok": True, **result})


async def _start_http(app):
    app["http"] = aiohttp.ClientSession()


async def _stop_http(app):
    await app["http"].close()


def make_app():
    app = web.Application()
    app.add_routes(routes)
    app.on_startup.append(_start_http)
    app.on_cleanup.append(_stop_http)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)
