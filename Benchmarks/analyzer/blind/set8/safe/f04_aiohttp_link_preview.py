"""Link preview microservice used by the chat frontend.

Previews are only generated for a fixed set of well-known public sites.
"""
import logging
from html.parser import HTMLParser
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

log = logging.getLogger("preview")
MAX_BYTES = 512 * 1024
ALLOWED_PREVIEW_HOSTS = frozenset({
    "github.com",
    "gitlab.com",
    "docs.python.org",
    "en.wikipedia.org",
    "www.youtube.com",
})


class _MetaParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        prop = attrs.get("property") or ""
        if tag == "meta" and prop.startswith("og:"):
            self.meta[prop[3:]] = attrs.get("content", "")


def is_allowed(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme != "https" or parts.username or parts.password:
        return False
    if parts.port not in (None, 443):
        return False
    return (parts.hostname or "").lower() in ALLOWED_PREVIEW_HOSTS


async def preview(request: web.Request) -> web.Response:
    target = request.query.get("url", "").strip()
    if not is_allowed(target):
        raise web.HTTPBadRequest(text="previews are not available for this site")
    session: aiohttp.ClientSession = request.app["http"]
    try:
        async with session.get(target, allow_redirects=False) as resp:
            body = await resp.content.read(MAX_BYTES)
    except aiohttp.ClientError as exc:
        log.warning("preview fetch failed: %s", type(exc).__name__)
        raise web.HTTPBadGateway()

    parser = _MetaParser()
    parser.feed(body.decode("utf-8", errors="replace"))
    return web.json_response({
        "url": target,
        "title": parser.meta.get("title", ""),
        "description": parser.meta.get("description", ""),
    })


async def _http_session(app: web.Application):
    app["http"] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5))
    yield
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(_http_session)
    app.router.add_get("/preview", preview)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8081)
