"""Caching proxy for remote avatar images."""
import logging
import os
from collections import OrderedDict
from urllib.parse import urlparse

import aiohttp
from aiohttp import web

logger = logging.getLogger("avatar_proxy")

MAX_BYTES = 2 * 1024 * 1024
CACHE_ENTRIES = 512
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
ALLOWED_HOSTS = {"secure.gravatar.com", "avatars.githubusercontent.com"}


class AvatarProxy:
    def __init__(self):
        self.session = None
        self._cache = OrderedDict()

    async def startup(self, app):
        self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))

    async def cleanup(self, app):
        await self.session.close()

    def _remember(self, url, content_type, body):
        self._cache[url] = (content_type, body)
        self._cache.move_to_end(url)
        while len(self._cache) > CACHE_ENTRIES:
            self._cache.popitem(last=False)

    def _source_url(self, request):
        url = request.query.get("src", "")
        parsed = urlparse(url)
        if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
            raise web.HTTPBadRequest(text="unsupported avatar source")
        if parsed.port not in (None, 443) or parsed.username or parsed.password:
            raise web.HTTPBadRequest(text="unsupported avatar source")
        return url

    async def handle(self, request):
        url = self._source_url(request)
        if url in self._cache:
            content_type, body = self._cache[url]
            return web.Response(body=body, content_type=content_type)
        async with self.session.get(url, allow_redirects=False) as resp:
            if resp.status != 200 or resp.content_type not in IMAGE_TYPES:
                raise web.HTTPBadGateway(text="avatar unavailable")
            content_type = resp.content_type
            body = await resp.content.read(MAX_BYTES + 1)
        if len(body) > MAX_BYTES:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_BYTES, actual_size=len(body))
        self._remember(url, content_type, body)
        logger.info("cached avatar %r (%d bytes)", url, len(body))
        return web.Response(body=body, content_type=content_type)


def create_app():
    proxy = AvatarProxy()
    app = web.Application()
    app.router.add_get("/avatar", proxy.handle)
    app.on_startup.append(proxy.startup)
    app.on_cleanup.append(proxy.cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8081")))
