import asyncio
import logging

from aiohttp import web

MEDIA_DIR = "/srv/media"
log = logging.getLogger(__name__)


def convert_command(**opts):
    return "convert {src} -thumbnail {size} -strip {dst}".format(**opts)


async def make_thumbnail(request):
    name = request.match_info["name"]
    size = request.query.get("size", "128x128")
    cmd = convert_command(
        src=f"{MEDIA_DIR}/{name}",
        size=size,
        dst=f"{MEDIA_DIR}/thumbs/{size}_{name}",
    )
    proc = await asyncio.create_subprocess_shell(cmd, stderr=asyncio.subprocess.PIPE)  # VULN flow
    _, err = await proc.communicate()
    if proc.returncode != 0:
        log.error("convert failed: %s", err.decode(errors="replace"))
        raise web.HTTPInternalServerError()
    return web.json_response({"thumbnail": f"/media/thumbs/{size}_{name}"})


app = web.Application()
app.router.add_post("/thumbnails/{name}", make_thumbnail)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=8081)
