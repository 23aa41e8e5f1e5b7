"""Alumni portal: import a profile avatar from a remote URL."""
import hashlib
import logging
import os
from urllib.parse import urlparse

import aiohttp
from aiohttp import web

log = logging.getLogger("alumni.avatar")

AVATAR_DIR = os.environ.get("AVATAR_DIR", "/srv/alumni/media/avatars")
MAX_BYTES = 2 * 1024 * 1024
ALLOWED_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}


class AvatarImporter:
    def __init__(self, session: aiohttp.ClientSession, target_dir: str):
        self.session = session
        self.target_dir = target_dir

    async def download(self, url: str) -> bytes:
        timeout = aiohttp.ClientTimeout(total=10)
        async with self.session.get(url, timeout=timeout, allow_redirects=True) as resp:  # VULN flow
            if resp.status != 200:
                raise web.HTTPBadGateway(text=f"remote returned {resp.status}")
            ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
            if ctype not in ALLOWED_TYPES:
                raise web.HTTPUnsupportedMediaType(text="not an image")
            body = await resp.content.read(MAX_BYTES + 1)
        if len(body) > MAX_BYTES:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_BYTES, actual_size=len(body))
        return body

    def store(self, alumni_id: int, body: bytes) -> str:
        digest = hashlib.sha256(body).hexdigest()[:16]
        name = f"{alumni_id}_{digest}"
        with open(os.path.join(self.target_dir, name), "wb") as fh:
            fh.write(body)
        return name


def _validate_url(raw: str) -> str:
    parsed = urlparse(raw.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise web.HTTPBadRequest(text="avatar_url must be an http(s) URL")
    return parsed.geturl()


async def import_avatar(request: web.Request) -> web.Response:
    alumni_id = request.get("alumni_id")  # populated by the auth middleware
    if alumni_id is None:
        raise web.HTTPUnauthorized()
    payload = await request.json()
    url = _validate_url(str(payload.get("avatar_url", "")))
    importer: AvatarImporter = request.app["avatar_importer"]
    body = await importer.download(url)
    name = importer.store(int(alumni_id), body)
    log.info("stored avatar %s for alumni %s", name, alumni_id)
    return web.json_response({"avatar": f"/media/avatars/{name}"})


async def _on_startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()
    app["avatar_importer"] = AvatarImporter(app["http"], AVATAR_DIR)


async def _on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    app.router.add_post("/api/profile/avatar", import_avatar)
    app.on_startup.append(_on_startup)
    app.on_cleanup.append(_on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8081)
