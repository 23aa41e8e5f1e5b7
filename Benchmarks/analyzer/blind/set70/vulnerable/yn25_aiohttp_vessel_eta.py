"""Small aiohttp service that shows a vessel's ETA, pulling data from a schedule source."""
import logging
import os

import aiohttp
from aiohttp import web

log = logging.getLogger("vessel_eta")

DEFAULT_SOURCE = os.environ.get("ETA_SOURCE", "https://schedules.portcall.example.com/api/vessels/{imo}")
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=10)

PAGE = """<!doctype html>
<html><body>
<h2>{name} (IMO {imo})</h2>
<p>Next port: {port}</p>
<p>ETA: {eta}</p>
<p><small>source: {source}</small></p>
</body></html>"""


async def fetch_schedule(session: aiohttp.ClientSession, url: str) -> dict:
    async with session.get(url, timeout=HTTP_TIMEOUT) as resp:  # VULN flow
        resp.raise_for_status()
        return await resp.json(content_type=None)


def resolve_source(request: web.Request, imo: str) -> str:
    template = request.query.get("source") or DEFAULT_SOURCE
    return template.replace("{imo}", imo)


async def eta_page(request: web.Request) -> web.Response:
    imo = request.match_info["imo"]
    url = resolve_source(request, imo)
    try:
        data = await fetch_schedule(request.app["http"], url)
    except (aiohttp.ClientError, ValueError) as exc:
        log.warning("schedule lookup failed: %r", exc)
        raise web.HTTPBadGateway(text="schedule source unavailable")
    html = PAGE.format(
        name=data.get("name", "unknown vessel"),
        imo=imo,
        port=data.get("next_port", "-"),
        eta=data.get("eta", "-"),
        source=url,
    )
    return web.Response(text=html, content_type="text/html")  # VULN flow


async def eta_json(request: web.Request) -> web.Response:
    imo = request.match_info["imo"]
    if not imo.isdigit():
        raise web.HTTPNotFound(text="invalid IMO number")
    data = await fetch_schedule(request.app["http"], DEFAULT_SOURCE.replace("{imo}", imo))
    return web.json_response({"imo": imo, "eta": data.get("eta")})


async def _session_ctx(app: web.Application):
    app["http"] = aiohttp.ClientSession()
    yield
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(_session_ctx)
    app.router.add_get("/vessels/{imo}/eta", eta_page)
    app.router.add_get("/api/vessels/{imo}/eta", eta_json)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8081)
