"""aiohttp service: pattern search over memorial guestbook entries.

Used by the moderation panel and by visitors looking for their own message.
"""
import logging
import os
import re

import asyncpg
from aiohttp import web

log = logging.getLogger("guestbook_search")
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

MAX_RESULTS = 50
MAX_PATTERN = 100


async def load_entries(pool, obit_id: int):
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT id, author, message, created_at FROM guestbook_entries "
            "WHERE obituary_id = $1 AND hidden = false ORDER BY created_at DESC",
            obit_id,
        )
    return [dict(r) for r in rows]


def serialize(entry: dict) -> dict:
    return {
        "id": entry["id"],
        "author": entry["author"],
        "message": entry["message"],
        "created_at": entry["created_at"].isoformat(),
    }


async def search_guestbook(request: web.Request) -> web.Response:
    obit_id = int(request.match_info["obit_id"])
    pattern = request.query.get("pattern", "")
    field = request.query.get("field", "message")
    visitor = request.headers.get("X-Visitor-Name", "anonymous")
    if field not in ("message", "author"):
        raise web.HTTPBadRequest(text="field must be message or author")
    if not pattern or len(pattern) > MAX_PATTERN:
        raise web.HTTPBadRequest(text="pattern is required")

    log.info("guestbook search obit=%d visitor=%r pattern=%r", obit_id, visitor, pattern)
    try:
        matcher = re.compile(re.escape(pattern), re.IGNORECASE)
    except re.error:
        raise web.HTTPBadRequest(text="invalid pattern")

    entries = await load_entries(request.app["pool"], obit_id)
    hits = [serialize(e) for e in entries if matcher.search(e[field] or "")]
    return web.json_response({"count": len(hits), "entries": hits[:MAX_RESULTS]})


async def init_pool(app: web.Application):
    app["pool"] = await asyncpg.create_pool(dsn=os.environ["GUESTBOOK_DSN"], min_size=1, max_size=5)
    yield
    await app["pool"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(init_pool)
    app.router.add_get("/obituaries/{obit_id:\\d+}/guestbook/search", search_guestbook)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8084)
