"""Firmware distribution endpoint for field soil-moisture probes (aiohttp)."""
import hashlib
import logging
import os

from aiohttp import web

log = logging.getLogger("firmware")

FIRMWARE_ROOT = os.environ.get("FIRMWARE_ROOT", "/srv/firmware")
BIND_HOST = os.environ.get("FIRMWARE_BIND", "127.0.0.1")


class FirmwareStore:
    def __init__(self, root: str):
        self.root = root

    def image_path(self, model: str, filename: str) -> str:
        return os.path.join(self.root, model, filename)

    def manifest(self, model: str) -> list:
        model_dir = os.path.join(self.root, os.path.basename(model))
        if not os.path.isdir(model_dir):
            return []
        entries = []
        for name in sorted(os.listdir(model_dir)):
            full = os.path.join(model_dir, name)
            with open(full, "rb") as fh:
                digest = hashlib.sha256(fh.read()).hexdigest()
            entries.append({"file": name, "sha256": digest, "size": os.path.getsize(full)})
        return entries


async def list_images(request: web.Request) -> web.Response:
    store: FirmwareStore = request.app["store"]
    return web.json_response(store.manifest(request.match_info["model"]))


async def download(request: web.Request) -> web.StreamResponse:
    store: FirmwareStore = request.app["store"]
    model = request.match_info["model"]
    filename = request.query.get("file", "latest.bin")
    path = store.image_path(model, filename)
    if not os.path.isfile(path):
        raise web.HTTPNotFound(text="no such image")
    log.info("serving %r to probe %r", filename, request.headers.get("X-Probe-Id"))
    return web.FileResponse(path)  # VULN flow


def create_app() -> web.Application:
    app = web.Application()
    app["store"] = FirmwareStore(FIRMWARE_ROOT)
    app.router.add_get("/firmware/{model}", list_images)
    app.router.add_get("/firmware/{model}/image", download)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host=BIND_HOST, port=8085)
