"""Lets fantasy team owners import a team avatar from a URL (aiohttp)."""
import logging
import os
import uuid

import aiohttp
from aiohttp import web

log = logging.getLogger("avatars")

AVATAR_DIR = os.environ.get("AVATAR_DIR", "/srv/static/avatars")
MAX_BYTES = 1 * 1024 * 1024
ALLOWED_TYPES = {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp"}


class AvatarFetcher:
    def __init__(self, session: aiohttp.ClientSession):
        self.session = session

    async def fetch(self, source_url: str) -> tuple:
        timeout = aiohttp.ClientTimeout(total=10)
        async with self.session.get(source_url, timeout=timeout) as resp:  # VULN flow
            if resp.status != 200:
                raise web.HTTPBadRequest(text=f"upstream returned {resp.status}")
            ctype = resp.headers.get("Content-Type", "").split(";")[0]
            data = await resp.content.read(MAX_BYTES + 1)
            return ctype, data


async def import_avatar(request: web.Request) -> web.Response:
    form = await request.post()
    team_id = int(request.match_info["team_id"])
    source_url = form.get("url", "")
    label = form.get("label") or uuid.uuid4().hex[:8]

    ctype, data = await request.app["fetcher"].fetch(source_url)
    if len(data) > MAX_BYTES:
        raise web.HTTPRequestEntityTooLarge(MAX_BYTES, len(data))
    if ctype not in ALLOWED_TYPES:
        # show the owner what we got back so they can pick a better link
        return web.json_response({"error": "not an image", "content_type": ctype, "preview": data[:512].decode("latin-1")}, status=400)

    team_dir = os.path.join(AVATAR_DIR, str(team_id))
    os.makedirs(team_dir, exist_ok=True)
    filename = f"{label}{ALLOWED_TYPES[ctype]}"
    path = os.path.join(team_dir, filename)
    with open(path, "wb") as fh:  # VULN flow
        fh.write(data)
    log.info("team %d avatar saved (%d bytes)", team_id, len(data))
    return web.json_response({"avatar": f"/static/avatars/{team_id}/{filename}"})


async def on_startup(app: web.Application):
    app["http"] = aiohttp.ClientSession()
    app["fetcher"] = AvatarFetcher(app["http"])


async def on_cleanup(app: web.Application):
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    app.router.add_post("/teams/{team_id}/avatar", import_avatar)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8095)
