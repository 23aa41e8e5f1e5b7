"""Concierge desk: proxy snapshots from lobby/garage IP cameras (aiohttp)."""
import logging
import os

import aiohttp
from aiohttp import web

log = logging.getLogger("concierge.cameras")

SNAPSHOT_PATH = "/cgi-bin/snapshot.cgi?channel=1"
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=8)
CAMERAS = {
    "lobby-north": "10.20.0.11",
    "lobby-south": "10.20.0.12",
    "garage-entry": "10.20.1.21",
    "package-room": "10.20.0.30",
}


class SnapshotProxy:
    def __init__(self, session: aiohttp.ClientSession, default_camera: str):
        self.session = session
        self.default_camera = default_camera
        self.last_target = None

    def target_for(self, camera: str) -> str:
        host = CAMERAS.get(camera)
        if host is None:
            raise KeyError(camera)
        return f"http://{host}{SNAPSHOT_PATH}"

    async def fetch(self, camera: str) -> tuple:
        self.last_target = self.target_for(camera or self.default_camera)
        async with self.session.get(self.last_target, timeout=FETCH_TIMEOUT, allow_redirects=False) as resp:
            body = await resp.read()
            return resp.status, body, resp.headers.get("Content-Type", "image/jpeg")


async def snapshot(request: web.Request) -> web.Response:
    if not request.get("staff"):
        raise web.HTTPUnauthorized()
    camera = request.query.get("camera", "")
    proxy: SnapshotProxy = request.app["proxy"]
    try:
        status, body, ctype = await proxy.fetch(camera)
    except KeyError:
        raise web.HTTPNotFound(text="unknown camera")
    except aiohttp.ClientError as exc:
        log.warning("camera fetch failed: %s", type(exc).__name__)
        raise web.HTTPBadGateway(text="camera unreachable")
    if status != 200:
        raise web.HTTPBadGateway(text=f"camera returned {status}")
    return web.Response(body=body, content_type=ctype.split(";")[0],
                        headers={"Cache-Control": "no-store"})


@web.middleware
async def staff_session(request, handler):
    token = request.cookies.get("concierge_session")
    request["staff"] = await request.app["sessions"].lookup(token) if token else None
    return await handler(request)


async def on_startup(app: web.Application) -> None:
    from concierge.sessions import SessionStore

    app["http"] = aiohttp.ClientSession()
    app["proxy"] = SnapshotProxy(app["http"], os.environ.get("DEFAULT_CAMERA", "lobby-north"))
    app["sessions"] = await SessionStore.connect(os.environ["SESSION_REDIS_URL"])


async def on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application(middlewares=[staff_session])
    app.router.add_get("/cameras/snapshot", snapshot)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8088)
