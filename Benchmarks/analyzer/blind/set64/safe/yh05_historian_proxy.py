"""Small aiohttp proxy that lets the browser HMI pull trend data from the
plant historians without having to deal with CORS on each historian box.
"""
import logging
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

log = logging.getLogger("hmi.proxy")

UPSTREAM_TIMEOUT = aiohttp.ClientTimeout(total=8)
HISTORIANS = {
    "a": "http://historian-a.plant.local:8086",
    "b": "http://historian-b.plant.local:8086",
    "lab": "http://historian-lab.plant.local:8086",
}
DEFAULT_HISTORIAN = "a"


class TrendRequest:
    def __init__(self, params):
        self.source = params.get("source", DEFAULT_HISTORIAN)
        self.tag = params.get("tag", "")
        self.start = params.get("start", "-1h")
        self.end = params.get("end", "now")

    def upstream_url(self):
        base = HISTORIANS.get(self.source)
        if base is None:
            raise web.HTTPBadRequest(text="unknown historian")
        query = urlencode({"tag": self.tag, "start": self.start, "end": self.end})
        return "%s/api/v1/trend?%s" % (base, query)


async def fetch_json(session, url):
    async with session.get(url, timeout=UPSTREAM_TIMEOUT, allow_redirects=False) as resp:
        body = await resp.read()
        return resp.status, resp.content_type, body


async def trend(request: web.Request) -> web.Response:
    tr = TrendRequest(request.query)
    if not tr.tag:
        raise web.HTTPBadRequest(text="tag is required")
    session = request.app["http"]
    try:
        status, ctype, body = await fetch_json(session, tr.upstream_url())
    except aiohttp.ClientError as exc:
        log.warning("historian fetch failed: %r", exc)
        raise web.HTTPBadGateway(text="historian unavailable")
    return web.Response(status=status, body=body, content_type=ctype)


async def on_startup(app):
    app["http"] = aiohttp.ClientSession()


async def on_cleanup(app):
    await app["http"].close()


def make_app():
    app = web.Application()
    app.router.add_get("/proxy/trend", trend)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8090)
