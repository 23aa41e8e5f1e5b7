"""Thumbnail server for the media library (aiohttp).

Thumbnails are pre-rendered by the ingest pipeline into
``<MEDIA_ROOT>/thumbs/<size>/<asset path>``.
"""
import logging
import mimetypes
import os
from pathlib import Path

from aiohttp import web

log = logging.getLogger("media.thumbs")

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", "/srv/media"))
THUMB_ROOT = MEDIA_ROOT / "thumbs"
DEFAULT_SIZE = "320"


class ThumbnailStore:
    def __init__(self, root: Path):
        self.root = root

    def locate(self, size: str, asset: str) -> str:
        return os.path.join(str(self.root), size, asset)

    def read(self, size: str, asset: str) -> bytes:
        path = self.locate(size, asset)
        with open(path, "rb") as fh:  # VULN flow
            return fh.read()


async def get_thumbnail(request: web.Request) -> web.Response:
    store: ThumbnailStore = request.app["store"]
    asset = request.match_info["asset"]
    size = request.query.get("size", DEFAULT_SIZE)
    try:
        data = store.read(size, asset)
    except FileNotFoundError:
        raise web.HTTPNotFound(text="no thumbnail")
    except IsADirectoryError:
        raise web.HTTPBadRequest(text="bad asset")
    ctype, _ = mimetypes.guess_type(asset)
    return web.Response(body=data, content_type=ctype or "image/jpeg",
                        headers={"Cache-Control": "public, max-age=86400"})


async def get_original(request: web.Request) -> web.StreamResponse:
    asset = request.match_info["asset"]
    path = os.path.join(str(MEDIA_ROOT), "originals", asset)
    if not os.path.isfile(path):
        raise web.HTTPNotFound()
    ctype, _ = mimetypes.guess_type(path)
    log.info("serving original %s", os.path.basename(path))
    return web.FileResponse(path, headers={"Content-Type": ctype or "application/octet-stream"})  # VULN flow


def make_app() -> web.Application:
    app = web.Application()
    app["store"] = ThumbnailStore(THUMB_ROOT)
    app.router.add_get("/thumbs/{asset:.+}", get_thumbnail)
    app.router.add_get("/originals/{asset:.+}", get_original)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8081)
