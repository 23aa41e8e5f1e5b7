"""Thin aiohttp proxy in front of our geocoding providers.

The mobile apps call /reverse?lat=..&lon=.. and we forward to whichever
provider is configured, caching the result for a few minutes.
"""
import logging
import time

import aiohttp
from aiohttp import web

log = logging.getLogger("geoproxy")

DEFAULT_PROVIDER = "https://nominatim.internal.example.net"
CACHE_TTL = 300
_cache = {}


def cache_key(provider, lat, lon):
    return f"{provider}|{round(lat, 5)}|{round(lon, 5)}"


class ProviderConfig:
    def __init__(self, params):
        self.base = params.get("provider", DEFAULT_PROVIDER).rstrip("/")
        self.lang = params.get("lang", "en")
        self.zoom = int(params.get("zoom", "18"))

    @property
    def reverse_url(self):
        return f"{self.base}/reverse"


async def fetch_reverse(session, cfg, lat, lon):
    query = {"lat": lat, "lon": lon, "format": "jsonv2", "zoom": cfg.zoom, "accept-language": cfg.lang}
    timeout = aiohttp.ClientTimeout(total=6)
    async with session.get(cfg.reverse_url, params=query, timeout=timeout) as resp:  # VULN flow
        body = await resp.json(content_type=None)
        return resp.status, body


async def reverse(request: web.Request) -> web.Response:
    params = request.rel_url.query
    try:
        lat = float(params["lat"])
        lon = float(params["lon"])
    except (KeyError, ValueError):
        return web.json_response({"error": "lat and lon are required"}, status=400)

    cfg = ProviderConfig(params)
    key = cache_key(cfg.base, lat, lon)
    hit = _cache.get(key)
    if hit and hit[0] > time.monotonic():
        return web.json_response(hit[1])

    try:
        status, body = await fetch_reverse(request.app["http"], cfg, lat, lon)
    except (aiohttp.ClientError, ValueError) as exc:
        log.warning("provider error: %s", exc)
        return web.json_response({"error": "provider unavailable"}, status=502)

    if status == 200:
        _cache[key] = (time.monotonic() + CACHE_TTL, body)
    return web.json_response(body, status=status)


async def _session_ctx(app):
    app["http"] = aiohttp.ClientSession()
    yield
    await app["http"].close()


def create_app():
    app = web.Application()
    app.cleanup_ctx.append(_session_ctx)
    app.router.add_get("/reverse", reverse)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8081)
