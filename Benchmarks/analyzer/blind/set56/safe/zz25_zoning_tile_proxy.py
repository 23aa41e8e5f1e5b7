"""Tile proxy for the public zoning map viewer (aiohttp).

The web map requests tiles through this proxy so that the county GIS
servers don't need CORS headers, and so responses can be cached.
"""
import logging

import aiohttp
from aiohttp import web

log = logging.getLogger("tile_proxy")
CACHE_MAX = 5000

LAYER_DEFAULTS = {
    "zoning": "https://gis.harborcounty.gov/arcgis/rest/services/Zoning/MapServer/tile",
    "parcels": "https://gis.harborcounty.gov/arcgis/rest/services/Parcels/MapServer/tile",
    "floodplain": "https://gis.harborcounty.gov/arcgis/rest/services/FEMA_Flood/MapServer/tile",
}


class TileCache:
    def __init__(self, limit: int):
        self.limit = limit
        self._items = {}

    def get(self, key):
        return self._items.get(key)

    def put(self, key, value):
        if len(self._items) >= self.limit:
            self._items.pop(next(iter(self._items)))
        self._items[key] = value


def tile_url(params, z: int, x: int, y: int) -> str:
    layer = params.get("layer", "zoning")
    base = LAYER_DEFAULTS.get(layer)
    if base is None:
        raise web.HTTPNotFound(text="unknown layer")
    return f"{base.rstrip('/')}/{z}/{y}/{x}"


async def get_tile(request: web.Request) -> web.Response:
    try:
        z, x, y = (int(request.match_info[k]) for k in ("z", "x", "y"))
    except ValueError:
        raise web.HTTPBadRequest(text="tile coordinates must be integers")
    url = tile_url(request.query, z, x, y)
    cache: TileCache = request.app["cache"]
    cached = cache.get(url)
    if cached:
        return web.Response(body=cached[1], content_type=cached[0])

    session: aiohttp.ClientSession = request.app["http"]
    async with session.get(url, timeout=aiohttp.ClientTimeout(total=10)) as upstream:
        body = await upstream.read()
        ctype = upstream.headers.get("Content-Type", "image/png")
        if upstream.status != 200:
            log.warning("upstream %r returned %s", request.query.get("layer"), upstream.status)
            return web.Response(status=upstream.status, body=body, content_type=ctype)
    cache.put(url, (ctype, body))
    return web.Response(body=body, content_type=ctype, headers={"Cache-Control": "public, max-age=3600"})


async def on_startup(app: web.Application):
    app["http"] = aiohttp.ClientSession()
    app["cache"] = TileCache(CACHE_MAX)


async def on_cleanup(app: web.Application):
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/tiles/{z}/{x}/{y}", get_tile)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8088)
