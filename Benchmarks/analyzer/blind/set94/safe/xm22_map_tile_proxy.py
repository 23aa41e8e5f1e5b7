"""Caching map-tile proxy for the AVL map in the dispatch console."""
import logging
import os
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

log = logging.getLogger("tiles")

CACHE_DIR = Path(os.environ.get("TILE_CACHE_DIR", "/var/cache/avl-tiles"))
TILE_SOURCES = {
    "basemap": "https://tiles.gis.county.example.gov/basemap/{z}/{x}/{y}.png",
    "hydrants": "https://tiles.gis.county.example.gov/hydrants/{z}/{x}/{y}.png",
    "preplans": "https://preplan.fire.example.gov/tiles/{z}/{x}/{y}.png",
}
MAX_ZOOM = 19

client = httpx.AsyncClient(follow_redirects=False)


def cache_path(source_key: str, z: int, x: int, y: int) -> Path:
    return CACHE_DIR / source_key / str(z) / str(x) / f"{y}.png"


def tile_url(template: str, z: int, x: int, y: int) -> str:
    return template.format(z=z, x=x, y=y)


async def tile(request):
    try:
        z = int(request.path_params["z"])
        x = int(request.path_params["x"])
        y = int(request.path_params["y"])
    except ValueError:
        return Response(status_code=400)
    if not 0 <= z <= MAX_ZOOM:
        return Response(status_code=404)

    # layers like hydrants/pre-plans live on other servers; the console names the layer
    source_key = request.query_params.get("src", "basemap")
    source = TILE_SOURCES.get(source_key)
    if source is None:
        return Response(status_code=404)
    cached = cache_path(source_key, z, x, y)
    if cached.exists():
        return Response(cached.read_bytes(), media_type="image/png")

    url = tile_url(source, z, x, y)
    try:
        upstream = await client.get(url, timeout=10.0)
    except httpx.HTTPError as exc:
        log.warning("tile fetch failed: %s", exc)
        return Response(status_code=502)
    if upstream.status_code != 200:
        return Response(status_code=upstream.status_code)

    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(upstream.content)
    return Response(upstream.content, media_type="image/png")


app = Starlette(routes=[Route("/tiles/{z}/{x}/{y}.png", tile)])
