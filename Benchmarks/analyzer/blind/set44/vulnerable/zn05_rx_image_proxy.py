"""Image proxy used by the pharmacy app to show prescription-label photos.

Photos are uploaded by patients to whatever storage their client uses; the
app asks us to fetch, resize and re-serve them so we can set caching headers.
"""
import io
import logging

import aiohttp
from aiohttp import web
from PIL import Image

log = logging.getLogger("rx.imageproxy")

MAX_BYTES = 8 * 1024 * 1024
THUMB_SIZE = (640, 640)
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=10)


class ProxyError(Exception):
    pass


async def fetch_image(session: aiohttp.ClientSession, url: str) -> bytes:
    async with session.get(url, timeout=FETCH_TIMEOUT) as resp:  # VULN flow
        if resp.status != 200:
            raise ProxyError(f"upstream returned {resp.status}")
        data = await resp.content.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ProxyError("image too large")
        return data


def make_thumbnail(raw: bytes) -> bytes:
    with Image.open(io.BytesIO(raw)) as img:
        img.thumbnail(THUMB_SIZE)
        out = io.BytesIO()
        img.convert("RGB").save(out, format="JPEG", quality=85)
        return out.getvalue()


def source_from_request(request: web.Request) -> str:
    src = request.query.get("src", "").strip()
    if not src:
        raise web.HTTPBadRequest(text="src is required")
    if not src.startswith(("http://", "https://")):
        src = "https://" + src
    return src


async def label_photo(request: web.Request) -> web.Response:
    src = source_from_request(request)
    session: aiohttp.ClientSession = request.app["http"]
    try:
        raw = await fetch_image(session, src)
        thumb = make_thumbnail(raw)
    except (ProxyError, aiohttp.ClientError, OSError) as exc:
        log.info("proxy failure: %r", exc)
        raise web.HTTPBadGateway(text="could not load image")
    return web.Response(body=thumb, content_type="image/jpeg",
                        headers={"Cache-Control": "private, max-age=3600"})


async def on_startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/rx/label-photo", label_photo)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8081)
