"""Member directory API behind the community app's "who's around?" tab.

Search is a case-insensitive substring match over the chosen field.
"""
import logging
import os
import re

import asyncpg
from aiohttp import web

log = logging.getLogger("directory")

SEARCHABLE = {"name": "display_name", "skills": "skills", "company": "company"}
MAX_TERM = 64


async def fetch_visible_members(pool, checked_in_only: bool):
    sql = (
        "SELECT id, display_name, skills, company, checked_in "
        "FROM members WHERE directory_opt_in"
    )
    if checked_in_only:
        sql += " AND checked_in"
    async with pool.acquire() as conn:
        return await conn.fetch(sql)


async def search_members(request: web.Request) -> web.Response:
    field = SEARCHABLE.get(request.query.get("field", "name"), "display_name")
    flags = re.IGNORECASE if request.query.get("ci", "1") == "1" else 0
    try:
        matcher = re.compile(re.escape(request.query.get("pattern", "")[:MAX_TERM]), flags)
    except re.error as exc:
        raise web.HTTPBadRequest(text=f"bad pattern: {exc}")

    rows = await fetch_visible_members(request.app["pool"], request.query.get("here") == "1")
    hits = [
        {
            "id": r["id"],
            "name": r["display_name"],
            "company": r["company"],
            "skills": r["skills"],
            "checked_in": r["checked_in"],
        }
        for r in rows
        if matcher.search(r[field] or "")
    ]
    return web.json_response({"count": len(hits), "members": hits[:100]})


async def init_pool(app: web.Application):
    app["pool"] = await asyncpg.create_pool(os.environ["DIRECTORY_DSN"], max_size=5)
    yield
    await app["pool"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(init_pool)
    app.router.add_get("/api/directory/search", search_members)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8085)
