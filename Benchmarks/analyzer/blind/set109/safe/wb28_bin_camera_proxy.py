"""Starlette proxy that fetches snapshots from bin-bank cameras for the control-room UI.

Each recycling bank has an IP camera; the UI passes the snapshot URL it got
from the asset register so the browser never talks to cameras directly.
"""
import logging
import os
from urllib.parse import urlsplit

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

log = logging.getLogger("camera_proxy")

SNAPSHOT_TIMEOUT = 8.0
MAX_IMAGE_BYTES = 4 * 1024 * 1024
CAMERA_HOSTS = frozenset(
    h.strip() for h in os.environ.get("CAMERA_HOSTS", "cam-gw1.depot.internal,cam-gw2.depot.internal").split(",")
    if h.strip()
)


class SnapshotRequest:
    def __init__(self, params) -> None:
        self.src = params.get("src", "").strip()
        self.bank_id = params.get("bank", "")
        self.width = params.get("w")

    def is_allowed(self) -> bool:
        parts = urlsplit(self.src)
        return parts.scheme in ("http", "https") and parts.hostname in CAMERA_HOSTS and not parts.username

    def target_url(self) -> str:
        url = self.src
        if self.width and self.width.isdigit():
            url += ("&" if "?" in url else "?") + f"resolution={self.width}"
        return url


async def fetch_snapshot(url: str) -> httpx.Response:
    async with httpx.AsyncClient(follow_redirects=False) as client:
        return await client.get(url, timeout=SNAPSHOT_TIMEOUT)


async def snapshot(request: Request) -> Response:
    snap = SnapshotRequest(request.query_params)
    if not snap.is_allowed():
        return JSONResponse({"error": "src must be a registered camera gateway URL"}, status_code=400)
    try:
        upstream = await fetch_snapshot(snap.target_url())
    except httpx.HTTPError as exc:
        log.warning("camera fetch failed for bank %r: %s", snap.bank_id, exc)
        return JSONResponse({"error": "camera unreachable"}, status_code=502)
    if len(upstream.content) > MAX_IMAGE_BYTES:
        return JSONResponse({"error": "image too large"}, status_code=502)
    return Response(upstream.content, status_code=upstream.status_code,
                    media_type=upstream.headers.get("content-type", "application/octet-stream"))


async def health(request: Request) -> Response:
    return JSONResponse({"ok": True})


app = Starlette(routes=[
    Route("/camera/snapshot", snapshot),
    Route("/healthz", health),
])
