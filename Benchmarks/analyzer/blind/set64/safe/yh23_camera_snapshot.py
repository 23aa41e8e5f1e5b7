"""Vision station registry and snapshot relay (FastAPI).

Line engineers register the inspection cameras of their station; the
quality dashboard then shows the latest snapshot via this relay so browsers
never talk to the camera network directly.
"""
import ipaddress
import logging
from typing import Dict, Optional
from urllib.parse import urlsplit

import requests
from fastapi import FastAPI, HTTPException, Response
from pydantic import BaseModel

app = FastAPI(title="vision-relay")
log = logging.getLogger("vision.relay")

CAMERA_NETWORK = ipaddress.ip_network("10.42.16.0/22")
CAMERA_PORTS = {None, 80, 8080}


class CameraIn(BaseModel):
    station: str
    name: str
    snapshot_url: str
    username: Optional[str] = None
    password: Optional[str] = None


class Camera:
    def __init__(self, spec: CameraIn):
        self.station = spec.station
        self.name = spec.name
        self.snapshot_url = spec.snapshot_url
        self.auth = (spec.username, spec.password) if spec.username else None

    def key(self):
        return "%s/%s" % (self.station, self.name)


class Registry:
    def __init__(self):
        self._cams: Dict[str, Camera] = {}

    def add(self, cam: Camera):
        self._cams[cam.key()] = cam

    def get(self, station, name) -> Optional[Camera]:
        return self._cams.get("%s/%s" % (station, name))


registry = Registry()


def is_camera_url(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.username or parts.password:
        return False
    try:
        addr = ipaddress.ip_address(parts.hostname or "")
        port = parts.port
    except ValueError:
        return False
    return addr in CAMERA_NETWORK and port in CAMERA_PORTS


def grab_snapshot(cam: Camera) -> requests.Response:
    if not is_camera_url(cam.snapshot_url):
        raise HTTPException(status_code=400, detail="camera URL not allowed")
    return requests.get(cam.snapshot_url, auth=cam.auth, timeout=5, stream=False, allow_redirects=False)


@app.post("/cameras", status_code=201)
def register_camera(spec: CameraIn):
    if not is_camera_url(spec.snapshot_url):
        raise HTTPException(status_code=400, detail="snapshot_url must be a camera-VLAN address")
    cam = Camera(spec)
    registry.add(cam)
    return {"key": cam.key()}


@app.get("/cameras/{station}/{name}/snapshot")
def snapshot(station: str, name: str):
    cam = registry.get(station, name)
    if cam is None:
        raise HTTPException(status_code=404, detail="unknown camera")
    try:
        upstream = grab_snapshot(cam)
    except requests.RequestException as exc:
        log.warning("snapshot from %r failed: %r", cam.key(), exc)
        raise HTTPException(status_code=502, detail="camera unreachable")
    return Response(
        content=upstream.content,
        media_type=upstream.headers.get("Content-Type", "image/jpeg"),
        status_code=upstream.status_code,
    )
