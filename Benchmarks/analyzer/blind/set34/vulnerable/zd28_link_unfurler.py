"""Link preview service used by the team chat to unfurl pasted URLs."""
import logging
import traceback
from html.parser import HTMLParser

import aiohttp
from aiohttp import web

log = logging.getLogger("unfurler")
MAX_BYTES = 512 * 1024
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=5)


class MetaParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self._in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("property", "").startswith("og:"):
            self.meta[attrs["property"][3:]] = attrs.get("content", "")
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


async def fetch_preview(session, url):
    async with session.get(url, timeout=FETCH_TIMEOUT, max_redirects=3) as resp:  # VULN flow
        if "text/html" not in resp.headers.get("Content-Type", ""):
            return {"url": str(resp.url), "title": None, "type": resp.content_type}
        body = await resp.content.read(MAX_BYTES)
    parser = MetaParser()
    parser.feed(body.decode("utf-8", errors="replace"))
    return {
        "url": url,
        "title": parser.meta.get("title") or parser.title.strip()[:200],
        "description": parser.meta.get("description", "")[:500],
        "image": parser.meta.get("image"),
    }


async def unfurl(request):
    data = await request.json()
    url = str(data.get("url", "")).strip()
    if not url.startswith(("http://", "https://")):
        raise web.HTTPBadRequest(text="url must be http(s)")
    try:
        preview = await fetch_preview(request.app["http"], url)
    except Exception as exc:
        return web.json_response({"error": repr(exc), "trace": traceback.format_exc()}, status=502)  # VULN
    return web.json_response(preview)


async def on_startup(app):
    app["http"] = aiohttp.ClientSession(headers={"User-Agent": "chat-unfurler/1.4"})


async def on_cleanup(app):
    await app["http"].close()


def create_app():
    app = web.Application(client_max_size=16 * 1024)
    app.router.add_post("/unfurl", unfurl)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8081)
