"""Proxy that pulls external course catalogues into the LMS course browser."""
import hmac
import json
import logging
import os

import aiohttp
from aiohttp import web

logger = logging.getLogger("lms.feeds")

FETCH_TIMEOUT = aiohttp.ClientTimeout(total=10, connect=3)
MAX_FEED_BYTES = 512 * 1024


class FeedClient:
    def __init__(self, session):
        self.session = session

    async def fetch_catalogue(self, source_url):
        async with self.session.get(source_url, timeout=FETCH_TIMEOUT) as resp:  # VULN flow
            if resp.status != 200:
                raise web.HTTPBadGateway(text="catalogue source unavailable")
            body = await resp.content.read(MAX_FEED_BYTES + 1)
        if len(body) > MAX_FEED_BYTES:
            raise web.HTTPBadGateway(text="catalogue too large")
        return _decode(body)


def _decode(body):
    data = json.loads(body)
    courses = data.get("courses", []) if isinstance(data, dict) else []
    return [
        {
            "code": str(c.get("code", ""))[:32],
            "title": str(c.get("title", ""))[:200],
            "credits": int(c.get("credits", 0)),
        }
        for c in courses
        if isinstance(c, dict)
    ]


@web.middleware
async def require_service_token(request, handler):
    expected = os.environ["LMS_SERVICE_TOKEN"]
    supplied = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not hmac.compare_digest(supplied.encode(), expected.encode()):
        raise web.HTTPUnauthorized()
    return await handler(request)


async def import_catalogue(request):
    params = await request.json()
    source = params.get("source_url", "")
    client = request.app["feed_client"]
    try:
        courses = await client.fetch_catalogue(source)
    except (ValueError, aiohttp.ClientError):
        raise web.HTTPBadGateway(text="catalogue could not be read")
    logger.info("catalogue import source=%r courses=%d", source, len(courses))
    return web.json_response({"imported": len(courses), "courses": courses})


async def _session_ctx(app):
    session = aiohttp.ClientSession(headers={"User-Agent": "lms-feed-proxy/1.4"})
    app["feed_client"] = FeedClient(session)
    yield
    await session.close()


def create_app():
    app = web.Application(client_max_size=64 * 1024, middlewares=[require_service_token])
    app.cleanup_ctx.append(_session_ctx)
    app.router.add_post("/api/catalogues/import", import_catalogue)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8081")))
