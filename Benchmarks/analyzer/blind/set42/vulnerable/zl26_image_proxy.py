"""Camo-style image proxy so that user-embedded images in markdown are
served from our own origin (avoids mixed content and referrer leaks).

GET /img?u=<url>
"""
import logging
import os

import aiohttp
from aiohttp import web

log = logging.getLogger("imgproxy")

MAX_BYTES = 8 * 1024 * 1024
ALLOWED_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml")
UPSTREAM_TIMEOUT = aiohttp.ClientTimeout(total=10)


async def on_startup(app: web.Application) -> None:
    connector = aiohttp.TCPConnector(limit=100, ssl=False)  # VULN
    app["http"] = aiohttp.ClientSession(connector=connector, headers={"User-Agent": "img-proxy/1.4"})


async def on_cleanup(app: web.Application) -> None:
    await app["http"].close()


def upstream_url(request: web.Request) -> str:
    url = request.query.get("u", "")
    if not url.startswith(("http://", "https://")):
        raise web.HTTPBadRequest(text="absolute http(s) url required")
    return url


async def proxy_image(request: web.Request) -> web.StreamResponse:
    target = upstream_url(request)
    session: aiohttp.ClientSession = request.app["http"]
    async with session.get(target, timeout=UPSTREAM_TIMEOUT) as upstream:  # VULN flow
        ctype = upstream.headers.get("Content-Type", "").split(";")[0].strip()
        if upstream.status != 200 or ctype not in ALLOWED_TYPES:
            raise web.HTTPNotFound()
        resp = web.StreamResponse(headers={
            "Content-Type": ctype,
            "Cache-Control": "public, max-age=86400",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
            "X-Content-Type-Options": "nosniff",
        })
        await resp.prepare(request)
        sent = 0
        async for chunk in upstream.content.iter_chunked(64 * 1024):
            sent += len(chunk)
            if sent > MAX_BYTES:
                break
            await resp.write(chunk)
        await resp.write_eof()
        return resp


def create_app() -> web.Application:
    app = web.Application()
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    app.router.add_get("/img", proxy_image)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8085")))
