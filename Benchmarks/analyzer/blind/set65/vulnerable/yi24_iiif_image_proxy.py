"""Image proxy for the online collection viewer.

The viewer asks for IIIF derivatives of objects held by us and by partner
museums; proxying keeps the viewer on a single origin and lets us cache.
"""
import logging

import aiohttp
from aiohttp import web

log = logging.getLogger("iiif.proxy")

FETCH_TIMEOUT = aiohttp.ClientTimeout(total=15, connect=5)
MAX_BYTES = 25 * 1024 * 1024
ALLOWED_TYPES = {"image/jpeg", "image/png", "image/webp"}


def build_iiif_url(base: str, region: str, size: str, fmt: str = "jpg") -> str:
    return f"{base.rstrip('/')}/{region}/{size}/0/default.{fmt}"


async def proxy_image(request: web.Request) -> web.StreamResponse:
    params = request.query
    base = params.get("src")
    if not base:
        raise web.HTTPBadRequest(text="src is required")
    target = build_iiif_url(base, params.get("region", "full"), params.get("size", "max"))
    session: aiohttp.ClientSession = request.app["http"]
    async with session.get(target, timeout=FETCH_TIMEOUT) as upstream:  # VULN flow
        if upstream.status != 200:
            raise web.HTTPBadGateway(text=f"upstream returned {upstream.status}")
        ctype = upstream.headers.get("Content-Type", "").split(";")[0]
        if ctype not in ALLOWED_TYPES:
            raise web.HTTPUnsupportedMediaType(text="not an image")
        resp = web.StreamResponse(headers={
            "Content-Type": ctype,
            "Cache-Control": "public, max-age=86400",
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


async def _client(app: web.Application):
    app["http"] = aiohttp.ClientSession(headers={"User-Agent": "collection-viewer/2.3"})
    yield
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(_client)
    app.router.add_get("/iiif-proxy", proxy_image)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8085)
