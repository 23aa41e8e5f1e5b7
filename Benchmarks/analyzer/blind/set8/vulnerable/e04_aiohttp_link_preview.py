"""Link preview microservice used by the chat frontend."""
import logging
import re
from html.parser import HTMLParser

import aiohttp
from aiohttp import web

log = logging.getLogger("preview")
MAX_BYTES = 512 * 1024


class _MetaParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        prop = attrs.get("property") or ""
        if tag == "meta" and prop.startswith("og:"):
            self.meta[prop[3:]] = attrs.get("content", "")
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def normalise_target(raw: str) -> str:
    raw = raw.strip()
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", raw):
        raw = "http://" + raw
    return raw


async def preview(request: web.Request) -> web.Response:
    target = normalise_target(request.query.get("url", ""))
    session: aiohttp.ClientSession = request.app["http"]
    try:
        async with session.get(target, allow_redirects=True) as resp:  # VULN flow
            body = await resp.content.read(MAX_BYTES)
    except aiohttp.ClientError as exc:
        log.warning("preview fetch failed: %s", type(exc).__name__)
        raise web.HTTPBadGateway()

    parser = _MetaParser()
    parser.feed(body.decode("utf-8", errors="replace"))
    return web.json_response({
        "url": target,
        "title": parser.meta.get("title") or parser.title.strip(),
        "description": parser.meta.get("description", ""),
        "image": parser.meta.get("image"),
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
