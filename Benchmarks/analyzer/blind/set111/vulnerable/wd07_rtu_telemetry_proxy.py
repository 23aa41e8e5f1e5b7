"""Live telemetry passthrough for the pump-station dashboard.

The browser cannot reach the RTUs on the OT network directly, so this
small aiohttp service fetches their JSON value pages on its behalf.
"""
import logging

import aiohttp
from aiohttp import web

log = logging.getLogger("rtu_proxy")

RTU_PORT = 8502
DEFAULT_PATH = "api/v1/values"
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=8)


def rtu_url(host: str, port: int, path: str = DEFAULT_PATH) -> str:
    return f"http://{host}:{port}/{path.lstrip('/')}"


async def live_values(request: web.Request) -> web.Response:
    host = request.query.get("rtu")
    if not host:
        raise web.HTTPBadRequest(text="rtu parameter is required")
    try:
        port = int(request.query.get("port", RTU_PORT))
    except ValueError:
        raise web.HTTPBadRequest(text="bad port")
    url = rtu_url(host, port, request.query.get("path", DEFAULT_PATH))
    session: aiohttp.ClientSession = request.app["http"]
    try:
        async with session.get(url, timeout=FETCH_TIMEOUT) as resp:  # VULN flow
            body = await resp.json(content_type=None)
    except (aiohttp.ClientError, ValueError) as exc:
        log.warning("rtu fetch failed for %r: %s", host, exc)
        raise web.HTTPBadGateway(text=str(exc))
    return web.json_response({"rtu": host, "status": resp.status, "values": body})


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def _client_ctx(app: web.Application):
    app["http"] = aiohttp.ClientSession()
    yield
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(_client_ctx)
    app.router.add_get("/telemetry/live", live_values)
    app.router.add_get("/healthz", health)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8090)
