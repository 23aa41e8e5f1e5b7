"""aiohttp image proxy used by the forum to embed remote avatars and
inline images without leaking visitors' IP addresses."""
import logging
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

log = logging.getLogger("img-proxy")

MAX_BYTES = 5 * 1024 * 1024
ALLOWED_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
ALLOWED_IMAGE_HOSTS = {
    "i.imgur.com",
    "avatars.githubusercontent.com",
    "secure.gravatar.com",
    "upload.wikimedia.org",
}


class ImageFetcher:
    def __init__(self, session):
        self.session = session

    async def fetch(self, url):
        async with self.session.get(url, allow_redirects=False) as resp:
            if resp.status != 200:
                raise web.HTTPBadGateway(text=f"upstream returned {resp.status}")
            ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
            if ctype not in ALLOWED_TYPES:
                raise web.HTTPUnsupportedMediaType(text="not an image")
            body = await resp.content.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise web.HTTPRequestEntityTooLarge(MAX_BYTES, len(body))
            return ctype, body


def requested_url(request):
    raw = request.query.get("u", "")
    parts = urlsplit(raw)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_IMAGE_HOSTS:
        raise web.HTTPBadRequest(text="invalid image url")
    if parts.port not in (None, 443) or parts.username or parts.password:
        raise web.HTTPBadRequest(text="invalid image url")
    return raw


async def proxy_image(request):
    url = requested_url(request)
    try:
        ctype, body = await request.app["fetcher"].fetch(url)
    except aiohttp.ClientError as exc:
        log.info("fetch failed: %r", exc)
        raise web.HTTPBadGateway(text="could not fetch image")
    return web.Response(body=body, content_type=ctype,
                        headers={"Cache-Control": "public, max-age=86400",
                                 "X-Content-Type-Options": "nosniff"})


async def on_startup(app):
    connector = aiohttp.TCPConnector(limit=100)
    session = aiohttp.ClientSession(connector=connector,
                                    timeout=aiohttp.ClientTimeout(total=20))
    app["session"] = session
    app["fetcher"] = ImageFetcher(session)


async def on_cleanup(app):
    await app["session"].close()


def create_app():
    app = web.Application()
    app.router.add_get("/img", proxy_image)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8181)
