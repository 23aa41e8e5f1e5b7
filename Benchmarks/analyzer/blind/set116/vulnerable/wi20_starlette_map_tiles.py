"""Map tile proxy for the dispatch board.

The dispatch board renders technician positions on top of whichever base
map the branch prefers. Tiles are proxied (and cached) through us so the
board can run on locked-down office networks.
"""
import hashlib
import logging
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

log = logging.getLogger("tileproxy")

CACHE_DIR = Path("/var/cache/tileproxy")
DEFAULT_SERVER = "tile.openstreetmap.org"
USER_AGENT = "PestOps-Dispatch/3.2 (ops@pestops.example)"


def tile_url(server: str, z: int, x: int, y: int) -> str:
    return f"https://{server}/{z}/{x}/{y}.png"


def cache_path(url: str) -> Path:
    return CACHE_DIR / (hashlib.sha256(url.encode()).hexdigest() + ".png")


async def fetch_tile(url: str) -> bytes:
    cached = cache_path(url)
    if cached.exists():
        return cached.read_bytes()
    async with httpx.AsyncClient(timeout=10.0, headers={"User-Agent": USER_AGENT}) as client:
        resp = await client.get(url, timeout=10.0)  # VULN flow
        resp.raise_for_status()
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(resp.content)
    return resp.content


async def tile(request: Request) -> Response:
    try:
        z = int(request.path_params["z"])
        x = int(request.path_params["x"])
        y = int(request.path_params["y"])
    except ValueError:
        return Response(status_code=400)
    if not 0 <= z <= 19:
        return Response(status_code=400)
    server = request.query_params.get("server", DEFAULT_SERVER)
    url = tile_url(server, z, x, y)
    try:
        body = await fetch_tile(url)
    except httpx.HTTPError as exc:
        log.warning("tile fetch failed: %r", exc)
        return Response(status_code=502)
    return Response(body, media_type="image/png", headers={"Cache-Control": "public, max-age=86400"})


app = Starlette(routes=[Route("/tiles/{z}/{x}/{y}.png", tile)])
