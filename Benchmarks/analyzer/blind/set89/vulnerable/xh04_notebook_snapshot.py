"""Kernel-side companion service: snapshot and restore notebook namespaces."""
import base64
import logging
import os
import time
import zlib

import dill
from aiohttp import web

log = logging.getLogger("nbsnap")

SNAPSHOT_DIR = os.environ.get("NBSNAP_DIR", "/home/jovyan/.snapshots")
MAX_BODY = 64 * 1024 * 1024


class SessionCodec:
    """Compressed base64 wire format for namespace snapshots."""

    @staticmethod
    def encode(namespace: dict) -> bytes:
        return base64.b64encode(zlib.compress(dill.dumps(namespace)))

    @staticmethod
    def decode(blob: bytes) -> dict:
        raw = zlib.decompress(base64.b64decode(blob))
        return dill.loads(raw)  # VULN flow


class SnapshotStore:
    def __init__(self, directory: str):
        self.directory = directory
        self.live = {}
        os.makedirs(directory, exist_ok=True)

    def persist(self) -> str:
        name = time.strftime("snap-%Y%m%d-%H%M%S.b64")
        path = os.path.join(self.directory, name)
        with open(path, "wb") as fh:
            fh.write(SessionCodec.encode(self.live))
        return name


async def restore(request: web.Request) -> web.Response:
    if request.content_length and request.content_length > MAX_BODY:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=request.content_length)
    blob = await request.read()
    try:
        namespace = SessionCodec.decode(blob)
    except (ValueError, zlib.error) as exc:
        log.warning("rejecting snapshot: %r", exc)
        raise web.HTTPBadRequest(text="invalid snapshot")
    if not isinstance(namespace, dict):
        raise web.HTTPBadRequest(text="snapshot must be a mapping")
    request.app["store"].live.update(namespace)
    return web.json_response({"restored": sorted(namespace)})


async def snapshot(request: web.Request) -> web.Response:
    store = request.app["store"]
    blob = SessionCodec.encode(store.live)
    return web.Response(body=blob, content_type="application/octet-stream")


async def persist(request: web.Request) -> web.Response:
    name = request.app["store"].persist()
    return web.json_response({"saved": name})


def make_app() -> web.Application:
    app = web.Application(client_max_size=MAX_BODY)
    app["store"] = SnapshotStore(SNAPSHOT_DIR)
    app.router.add_post("/snapshot/restore", restore)
    app.router.add_get("/snapshot", snapshot)
    app.router.add_post("/snapshot/persist", persist)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=int(os.environ.get("NBSNAP_PORT", 8899)))
