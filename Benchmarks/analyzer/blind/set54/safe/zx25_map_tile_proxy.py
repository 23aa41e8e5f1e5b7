"""Map tile proxy for the driver app.

The app asks us for tiles instead of talking to providers directly so
API keys stay server-side and tiles get cached at the edge. Fleet
customers can also overlay their own layers (depots, yards, restricted
zones) by passing a tile URL template.
"""
import logging
import os
from urllib.parse import urlparse

import httpx
from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import Response

log = logging.getLogger("tiles")
app = FastAPI()

PROVIDER_KEY = os.environ.get("TILE_PROVIDER_KEY", "")
PROVIDERS = {
    "streets": "https://tiles.mapvendor.example.com/streets/{z}/{x}/{y}.png?key=" + PROVIDER_KEY,
    "satellite": "https://tiles.mapvendor.example.com/sat/{z}/{x}/{y}.jpg?key=" + PROVIDER_KEY,
    "traffic": "https://traffic.mapvendor.example.com/flow/{z}/{x}/{y}.png?key=" + PROVIDER_KEY,
}
CUSTOM_LAYER_HOSTS = {
    h.strip() for h in os.environ.get("CUSTOM_TILE_HOSTS", "layers.fleetmaps.example.com").split(",") if h.strip()
}


class TileSource:
    def __init__(self, name: str, template: str):
        self.name = name
        self.template = template

    def url_for(self, z: int, x: int, y: int) -> str:
        return self.template.replace("{z}", str(z)).replace("{x}", str(x)).replace("{y}", str(y))


def resolve_source(layer: str, custom_template: str = "") -> TileSource:
    if custom_template:
        parts = urlparse(custom_template)
        if parts.scheme != "https" or parts.hostname not in CUSTOM_LAYER_HOSTS:
            raise HTTPException(status_code=400, detail="custom layer host not allowed")
        return TileSource("custom", custom_template)
    if layer not in PROVIDERS:
        raise HTTPException(status_code=404, detail="unknown layer")
    return TileSource(layer, PROVIDERS[layer])


async def fetch_tile(url: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10.0, follow_redirects=False) as client:
        return await client.get(url)


@app.get("/tiles/{layer}/{z}/{x}/{y}")
async def tile(layer: str, z: int, x: int, y: int, template: str = Query("", max_length=500)):
    if not (0 <= z <= 20):
        raise HTTPException(status_code=400, detail="bad zoom")
    source = resolve_source(layer, template)
    url = source.url_for(z, x, y)
    try:
        upstream = await fetch_tile(url)
    except httpx.HTTPError as exc:
        log.warning("tile fetch failed for %s: %s", source.name, type(exc).__name__)
        raise HTTPException(status_code=502, detail="upstream error")
    if upstream.status_code != 200:
        raise HTTPException(status_code=upstream.status_code, detail="upstream said no")
    return Response(
        content=upstream.content,
        media_type=upstream.headers.get("content-type", "image/png"),
        headers={"Cache-Control": "public, max-age=86400"},
    )
