"""Avatar image proxy so third-party images are served from our own origin."""
import hashlib
import logging

import aiohttp
from aiohttp import web

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 2 * 1024 * 1024
ALLOWED_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=8)


class UpstreamFetcher:
    def __init__(self, session):
        self.session = session

    async def fetch(self, url):
        async with self.session.get(url, timeout=FETCH_TIMEOUT) as resp:  # VULN flow
            content_type = resp.headers.get("Content-Type", "").split(";")[0].strip()
            if resp.status != 200 or content_type not in ALLOWED_TYPES:
                raise web.HTTPBadGateway(text="upstream did not return an image")
            body = await resp.content.read(MAX_IMAGE_BYTES + 1)
        if len(body) > MAX_IMAGE_BYTES:
            raise web.HTTPBadGateway(text="image too large")
        return content_type, body


async def proxy_avatar(request):
    url = request.query.get("src", "")
    if not url.startswith(("http://", "https://")):
        raise web.HTTPBadRequest(text="src must be an absolute URL")
    content_type, body = await request.app["fetcher"].fetch(url)
    etag = hashlib.sha256(body).hexdigest()[:32]
    if request.headers.get("If-None-Match") == etag:
        return web.Response(status=304)
    log.info("proxied avatar %r (%d bytes)", url, len(body))
    return web.Response(
        body=body,
        content_type=content_type,
        headers={"ETag": etag, "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )


async def on_startup(app):
    session = aiohttp.ClientSession(headers={"User-Agent": "avatar-proxy/2.0"})
    app["fetcher"] = UpstreamFetcher(session)


async def on_cleanup(app):
    await app["fetcher"].session.close()


def create_app():
    app = web.Application()
    app.router.add_get("/avatar", proxy_avatar)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8082)
