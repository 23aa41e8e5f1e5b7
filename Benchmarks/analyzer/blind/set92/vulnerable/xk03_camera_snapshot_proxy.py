"""Snapshot proxy for the camera hub web UI.

The browser cannot talk to the cameras directly (mixed content, self-signed
certs on the LAN side), so the hub fetches still images on its behalf.
"""
import logging
from urllib.parse import urlparse

import requests
from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import Response

log = logging.getLogger("camhub.snapshot")
app = FastAPI(title="camhub-snapshot")

SNAPSHOT_TIMEOUT = 5
DEFAULT_PATHS = {
    "hikvision": "/ISAPI/Streaming/channels/101/picture",
    "axis": "/axis-cgi/jpg/image.cgi",
    "generic": "/snapshot.jpg",
}


class SnapshotSource:
    def __init__(self, base_url: str, vendor: str = "generic"):
        parsed = urlparse(base_url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError("unsupported camera URL")
        self.base_url = base_url.rstrip("/")
        self.vendor = vendor if vendor in DEFAULT_PATHS else "generic"

    @property
    def url(self) -> str:
        return self.base_url + DEFAULT_PATHS[self.vendor]


def fetch_image(source: SnapshotSource) -> bytes:
    target = source.url
    resp = requests.get(target, timeout=SNAPSHOT_TIMEOUT)  # VULN flow
    resp.raise_for_status()
    ctype = resp.headers.get("Content-Type", "")
    if not ctype.startswith("image/"):
        raise HTTPException(status_code=502, detail="camera did not return an image")
    return resp.content


@app.get("/snapshot")
def snapshot(camera: str = Query(..., description="camera base URL"),
             vendor: str = "generic"):
    try:
        source = SnapshotSource(camera, vendor)
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc))
    log.info("snapshot requested from %r", source.base_url)
    try:
        data = fetch_image(source)
    except requests.RequestException:
        raise HTTPException(status_code=504, detail="camera unreachable")
    return Response(content=data, media_type="image/jpeg",
                    headers={"Cache-Control": "no-store"})


@app.get("/healthz")
def healthz():
    return {"ok": True}
