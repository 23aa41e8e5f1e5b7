"""Gauge snapshot proxy.

Lets the wellsite HMI pull live status pages from pressure gauges and flow
computers on the instrument LAN without exposing that LAN to the HMI network.
"""
import logging
import os

import aiohttp
from aiohttp import web

log = logging.getLogger("gauge_proxy")

FETCH_TIMEOUT = aiohttp.ClientTimeout(total=8)
DEFAULT_PORT = "8081"
PASSTHROUGH_TYPES = {"application/json", "text/plain", "text/csv"}

# instrument LAN inventory, e.g. "10.20.1.11,10.20.1.12"
KNOWN_DEVICES = {h.strip() for h in os.environ.get("GAUGE_HOSTS", "").split(",") if h.strip()}
KNOWN_PORTS = {"8081", "8082"}
KNOWN_PATHS = {"/status.json", "/trend.csv", "/alarms.json"}


def build_device_url(params) -> str:
    host = params.get("host", "")
    port = params.get("port", DEFAULT_PORT)
    path = params.get("path", "/status.json")
    if not path.startswith("/"):
        path = "/" + path
    if host not in KNOWN_DEVICES or port not in KNOWN_PORTS or path not in KNOWN_PATHS:
        raise web.HTTPForbidden(text="device or resource not in inventory")
    return f"http://{host}:{port}{path}"


async def fetch_snapshot(session: aiohttp.ClientSession, url: str):
    async with session.get(url, timeout=FETCH_TIMEOUT, allow_redirects=False) as resp:
        body = await resp.read()
        return resp.status, resp.content_type, body


async def snapshot(request: web.Request) -> web.Response:
    if not request.query.get("host"):
        raise web.HTTPBadRequest(text="host is required")
    url = build_device_url(request.query)
    try:
        status, ctype, body = await fetch_snapshot(request.app["http"], url)
    except (aiohttp.ClientError, TimeoutError) as exc:
        log.warning("gauge fetch failed: %r", exc)
        raise web.HTTPBadGateway(text="device unreachable")
    if ctype not in PASSTHROUGH_TYPES:
        ctype = "application/octet-stream"
    return web.Response(status=status, body=body, content_type=ctype)


async def health(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def on_startup(app: web.Application):
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app: web.Application):
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/snapshot", snapshot)
    app.router.add_get("/health", health)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host=os.environ.get("PROXY_BIND", "127.0.0.1"),
                port=int(os.environ.get("PROXY_PORT", "9300")))
