"""Tracking aggregator: tenants register the tracking API of the regional
carriers they use, and the storefront polls /track through this proxy."""
import logging

import aiohttp
from aiohttp import web

log = logging.getLogger("tracking-proxy")

DEFAULT_CARRIERS = {
    "dhl": "https://api-eu.dhl.com/track/shipments?trackingNumber={number}",
    "ups": "https://onlinetools.ups.com/track/v1/details/{number}",
}
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=8)


class CarrierRegistry:
    def __init__(self):
        self._by_tenant = {}

    def register(self, tenant: str, code: str, template: str) -> None:
        self._by_tenant.setdefault(tenant, {})[code] = template

    def template_for(self, tenant: str, code: str):
        custom = self._by_tenant.get(tenant, {})
        return custom.get(code) or DEFAULT_CARRIERS.get(code)


async def register_carrier(request: web.Request) -> web.Response:
    body = await request.json()
    tenant = request.headers.get("X-Tenant", "default")
    template = body.get("url_template", "")
    if "{number}" not in template:
        raise web.HTTPBadRequest(text="url_template must contain {number}")
    request.app["registry"].register(tenant, body["code"], template)
    log.info("tenant %r registered carrier %r", tenant, body["code"])
    return web.json_response({"ok": True}, status=201)


async def track(request: web.Request) -> web.Response:
    tenant = request.headers.get("X-Tenant", "default")
    code = request.query.get("carrier", "")
    number = request.query.get("number", "")
    template = request.app["registry"].template_for(tenant, code)
    if template is None:
        raise web.HTTPNotFound(text="carrier not configured")
    url = template.format(number=number)
    session: aiohttp.ClientSession = request.app["http"]
    async with session.get(url, timeout=HTTP_TIMEOUT) as resp:  # VULN flow
        payload = await resp.text()
        return web.Response(text=payload, status=resp.status, content_type="application/json")


async def on_startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application()
    app["registry"] = CarrierRegistry()
    app.router.add_post("/carriers", register_carrier)
    app.router.add_get("/track", track)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8087)
