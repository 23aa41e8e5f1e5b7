"""Menu management: pull a dish photo from a URL and store a thumbnail.

Chefs paste a link to a photo (supplier site, their phone's cloud album...)
into the menu editor; the editor calls this endpoint to import it.
"""
import io
import logging
import os
import uuid

import aiohttp
from aiohttp import web
from PIL import Image

MEDIA_ROOT = os.environ.get("MENU_MEDIA_ROOT", "/srv/menu/media")
MAX_BYTES = 8 * 1024 * 1024
THUMB_SIZE = (480, 480)
log = logging.getLogger("menu.images")


async def fetch_image(session: aiohttp.ClientSession, url: str) -> bytes:
    async with session.get(url, timeout=aiohttp.ClientTimeout(total=10)) as resp:  # VULN flow
        if resp.status != 200:
            body = await resp.text()
            raise web.HTTPBadGateway(text=f"upstream returned {resp.status}: {body[:300]}")
        data = await resp.content.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_BYTES, actual_size=len(data))
    return data


def make_thumbnail(data: bytes) -> str:
    img = Image.open(io.BytesIO(data))
    img.thumbnail(THUMB_SIZE)
    name = f"{uuid.uuid4().hex}.jpg"
    img.convert("RGB").save(os.path.join(MEDIA_ROOT, name), "JPEG", quality=85)
    return name


async def import_photo(request: web.Request) -> web.Response:
    item_id = request.match_info["item_id"]
    payload = await request.json()
    source = {"url": str(payload.get("image_url", "")).strip(), "item": item_id}
    if not source["url"]:
        raise web.HTTPBadRequest(text="image_url required")

    data = await fetch_image(request.app["http"], source["url"])
    try:
        name = make_thumbnail(data)
    except Exception:
        raise web.HTTPUnprocessableEntity(text="not an image")
    log.info("imported photo for menu item %r as %s", item_id, name)
    return web.json_response({"item": item_id, "image": f"/media/{name}"})


async def _start_http(app: web.Application):
    app["http"] = aiohttp.ClientSession()
    yield
    await app["http"].close()


def build_app() -> web.Application:
    app = web.Application(client_max_size=1024 * 64)
    app.cleanup_ctx.append(_start_http)
    app.router.add_post("/menu-items/{item_id}/photo", import_photo)
    return app


if __name__ == "__main__":
    web.run_app(build_app(), host="127.0.0.1", port=8081)
