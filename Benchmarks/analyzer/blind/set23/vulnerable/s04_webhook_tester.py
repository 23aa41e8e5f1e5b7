"""Integration settings: lets tenants send a test ping to their webhook endpoint."""
import logging
import os

import aiohttp
from aiohttp import web

log = logging.getLogger("integrations.webhooks")
routes = web.RouteTableDef()


class WebhookTester:
    def __init__(self, session: aiohttp.ClientSession):
        self.session = session

    @staticmethod
    def sample_payload(tenant_id: str) -> dict:
        return {"event": "ping", "tenant": tenant_id, "data": {"message": "hello from acme"}}

    async def ping(self, target: str, tenant_id: str) -> dict:
        payload = self.sample_payload(tenant_id)
        timeout = aiohttp.ClientTimeout(total=10)
        async with self.session.post(target, json=payload, timeout=timeout, allow_redirects=False) as resp:  # VULN flow
            body = await resp.text()
            return {"status": resp.status, "body": body[:2000]}


class WebhookSettings:
    def __init__(self, request: web.Request):
        self.request = request

    async def target_url(self) -> str:
        data = await self.request.json()
        return str(data.get("url", "")).strip()


@routes.post("/api/tenants/{tenant_id}/webhooks/test")
async def test_webhook(request: web.Request) -> web.Response:
    tenant_id = request.match_info["tenant_id"]
    target = await WebhookSettings(request).target_url()
    if not target:
        raise web.HTTPBadRequest(text="url is required")
    log.info("testing webhook for tenant %r -> %r", tenant_id, target)
    tester = WebhookTester(request.app["http"])
    try:
        result = await tester.ping(target, tenant_id)
    except aiohttp.ClientError as exc:
        return web.json_response({"error": str(exc)}, status=502)
    return web.json_response(result)


async def _on_startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()


async def _on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application()
    app.add_routes(routes)
    app.on_startup.append(_on_startup)
    app.on_cleanup.append(_on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), port=int(os.environ.get("PORT", "8081")))
