"""Thumbnail and derivative delivery for the photo library (aiohttp)."""
import logging
import mimetypes
import os

from aiohttp import web

log = logging.getLogger("photolib.derivatives")

DERIVATIVE_ROOT = os.environ.get("DERIVATIVE_ROOT", "/srv/photolib/derivatives")
SIZES = {"thumb": "200", "small": "640", "large": "1600"}


class DerivativeStore:
    """Derivatives live under <root>/<pixels>/<collection>/<filename>."""

    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def locate(self, size: str, relpath: str) -> str:
        base = os.path.join(self.root, SIZES[size])
        full = os.path.realpath(os.path.join(base, relpath.lstrip("/")))
        if os.path.commonpath([base, full]) != base:
            raise ValueError("path outside derivative store")
        return full

    def exists(self, path: str) -> bool:
        return os.path.isfile(path)


async def get_derivative(request: web.Request) -> web.StreamResponse:
    size = request.match_info["size"]
    if size not in SIZES:
        raise web.HTTPNotFound()
    relpath = request.query.get("path", "")
    if not relpath:
        raise web.HTTPBadRequest(text="path is required")
    store: DerivativeStore = request.app["store"]
    try:
        full = store.locate(size, relpath)
    except ValueError:
        raise web.HTTPNotFound()
    if not store.exists(full):
        log.info("missing derivative %r at size %s", relpath, size)
        raise web.HTTPNotFound()
    ctype = mimetypes.guess_type(full)[0] or "application/octet-stream"
    return web.FileResponse(full, headers={
        "Cache-Control": "public, max-age=86400",
        "Content-Type": ctype,
    })


async def list_sizes(request: web.Request) -> web.Response:
    relpath = request.query.get("path", "")
    sizes = {name: {"max_edge": int(px), "url": f"/derivatives/{name}?path={relpath}"}
             for name, px in SIZES.items()}
    return web.json_response({"path": relpath, "sizes": sizes})


def make_app() -> web.Application:
    app = web.Application()
    app["store"] = DerivativeStore(DERIVATIVE_ROOT)
    app.router.add_get("/derivatives/{size}", get_derivative)
    app.router.add_get("/derivatives", list_sizes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8081)
