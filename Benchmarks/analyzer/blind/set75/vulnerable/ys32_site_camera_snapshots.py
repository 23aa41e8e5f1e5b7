"""Site camera snapshot service (aiohttp).

Site teams register their IP cameras; the service grabs a still every time
the progress-photo timeline asks for one.
"""
import asyncio
import logging
import os
import uuid
from dataclasses import dataclass
from urllib.parse import urlparse

from aiohttp import web

log = logging.getLogger("sitecam")
SNAP_DIR = os.environ.get("SNAP_DIR", "/srv/sitecam/snapshots")
FFMPEG = "/usr/bin/ffmpeg"


@dataclass
class Camera:
    cam_id: str
    site_code: str
    label: str
    stream_url: str


async def grab_snapshot(cam: Camera, out_path: str) -> bool:
    cmd = (f"{FFMPEG} -y -loglevel error -rtsp_transport tcp "
           f"-i {cam.stream_url} -frames:v 1 -q:v 2 {out_path}")
    proc = await asyncio.create_subprocess_shell(  # VULN flow
        cmd, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE
    )
    try:
        _, err = await asyncio.wait_for(proc.communicate(), timeout=30)
    except asyncio.TimeoutError:
        proc.kill()
        return False
    if proc.returncode != 0:
        log.warning("ffmpeg failed for camera %s: %r", cam.cam_id, err[:300])
    return proc.returncode == 0


async def register_camera(request: web.Request) -> web.Response:
    data = await request.json()
    cam = Camera(
        cam_id=uuid.uuid4().hex[:12],
        site_code=str(data.get("site_code", "")),
        label=str(data.get("label", "")),
        stream_url=str(data.get("stream_url", "")),
    )
    parsed = urlparse(cam.stream_url)
    if parsed.scheme not in ("rtsp", "rtsps") or not parsed.hostname:
        raise web.HTTPBadRequest(text="stream_url must be an rtsp:// address")
    request.app["cameras"][cam.cam_id] = cam
    log.info("registered camera %s on site %s: %s", cam.cam_id, cam.site_code, cam.label)  # VULN flow
    return web.json_response({"cam_id": cam.cam_id}, status=201)


async def snapshot(request: web.Request) -> web.Response:
    cam = request.app["cameras"].get(request.match_info["cam_id"])
    if cam is None:
        raise web.HTTPNotFound()
    out_path = os.path.join(SNAP_DIR, f"{cam.cam_id}_{uuid.uuid4().hex[:8]}.jpg")
    if not await grab_snapshot(cam, out_path):
        raise web.HTTPBadGateway(text="camera did not respond")
    return web.FileResponse(out_path)


def create_app() -> web.Application:
    app = web.Application()
    app["cameras"] = {}
    app.router.add_post("/cameras", register_camera)
    app.router.add_get("/cameras/{cam_id}/snapshot", snapshot)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    os.makedirs(SNAP_DIR, exist_ok=True)
    web.run_app(create_app(), host="127.0.0.1", port=8099)
