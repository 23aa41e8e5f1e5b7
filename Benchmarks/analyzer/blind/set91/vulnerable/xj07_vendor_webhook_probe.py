"""Vendor notification settings: suppliers register a webhook that receives
PO issued / PO changed events.  The "Test delivery" button sends a sample
event and shows the vendor what their endpoint answered."""
import json
import logging
from datetime import datetime, timezone

import aiohttp
from aiohttp import web

from portal.auth import require_vendor
from portal.db import WebhookRepo

log = logging.getLogger("portal.webhooks")
routes = web.RouteTableDef()

SAMPLE_EVENT = {
    "event": "po.issued",
    "po_number": "PO-TEST-0001",
    "lines": [{"sku": "SAMPLE", "qty": 1, "unit_price": "0.00"}],
}


class WebhookTarget:
    def __init__(self, vendor_id, url, secret_header=None):
        self.vendor_id = vendor_id
        self.url = url.strip()
        self.secret_header = secret_header

    def headers(self):
        h = {"Content-Type": "application/json", "User-Agent": "acme-procure-webhooks/2.1"}
        if self.secret_header:
            h["X-Acme-Signature"] = self.secret_header
        return h


async def deliver(session, target: WebhookTarget, event: dict):
    payload = dict(event, sent_at=datetime.now(timezone.utc).isoformat())
    timeout = aiohttp.ClientTimeout(total=10)
    async with session.post(  # VULN flow
        target.url, data=json.dumps(payload), headers=target.headers(), timeout=timeout
    ) as resp:
        text = await resp.text()
        return resp.status, text[:4000]


@routes.put("/vendor/webhook")
@require_vendor
async def save_webhook(request, vendor):
    body = await request.json()
    url = body.get("url", "")
    if not url.startswith(("http://", "https://")):
        raise web.HTTPBadRequest(text="url must be http(s)")
    await WebhookRepo(request.app["db"]).save(vendor.id, url, body.get("secret"))
    return web.json_response({"saved": True})


@routes.post("/vendor/webhook/test")
@require_vendor
async def test_webhook(request, vendor):
    row = await WebhookRepo(request.app["db"]).get(vendor.id)
    if row is None:
        raise web.HTTPNotFound(text="no webhook configured")
    target = WebhookTarget(vendor.id, row["url"], row.get("secret"))
    try:
        status, text = await deliver(request.app["http"], target, SAMPLE_EVENT)
    except aiohttp.ClientError as exc:
        return web.json_response({"ok": False, "error": str(exc)})
    return web.json_response({"ok": 200 <= status < 300, "status": status, "body": text})


async def _http_session(app):
    app["http"] = aiohttp.ClientSession()
    yield
    await app["http"].close()


def create_app(db):
    app = web.Application()
    app["db"] = db
    app.cleanup_ctx.append(_http_session)
    app.add_routes(routes)
    return app
