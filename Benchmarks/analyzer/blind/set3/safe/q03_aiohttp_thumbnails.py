import asyncio
import logging
import re

from aiohttp import web

MEDIA_DIR = "/srv/media"
NAME_RE = re.compile(r"[A-Za-z0-9_-]{1,64}\.(?:png|jpe?g|webp)")
SIZES = {"small": "64x64", "medium": "128x128", "large": "256x256"}
log = logging.getLogger(__name__)


async def make_thumbnail(request):
    name = request.match_info["name"]
    if not NAME_RE.fullmatch(name):
        raise web.HTTPBadRequest(text="bad file name")
    size = SIZES.get(request.query.get("size", "medium"))
    if size is None:
        raise web.HTTPBadRequest(text="unknown size")
    src = f"{MEDIA_DIR}/{name}"
    dst = f"{MEDIA_DIR}/thumbs/{size}_{name}"
    proc = await asyncio.create_subprocess_exec(
        "convert", src, "-thumbnail", size, "-strip", dst,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await proc.communicate()
    if proc.returncode != 0:
        log.error("convert failed for %s: %s", name, err.decode(errors="replace"))
        raise web.HTTPInternalServerError()
    return web.json_response({"thumbnail": f"/media/thumbs/{size}_{name}"})


app = web.Application()
app.router.add_post("/thumbnails/{name}", make_thumbnail)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=8081)
