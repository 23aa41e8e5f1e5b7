"""Full-text-ish search over wiki pages (aiohttp).

Power users asked for pattern search, so the `q` parameter is treated as
a regular expression when `mode=regex` is passed.
"""
import logging
import re
from typing import Iterable, List

import asyncpg
from aiohttp import web

log = logging.getLogger("wiki.search")
routes = web.RouteTableDef()
SNIPPET = 80


class PageMatcher:
    def __init__(self, query: str, regex: bool, case_sensitive: bool):
        flags = 0 if case_sensitive else re.IGNORECASE
        if regex:
            self.pattern = re.compile(query, flags)  # VULN flow
        else:
            self.pattern = re.compile(re.escape(query), flags)

    def snippets(self, body: str, limit: int = 3) -> List[str]:
        out = []
        for m in self.pattern.finditer(body):
            start = max(m.start() - SNIPPET, 0)
            out.append(body[start : m.end() + SNIPPET])
            if len(out) >= limit:
                break
        return out


def rank(results: Iterable[dict]) -> List[dict]:
    return sorted(results, key=lambda r: (-len(r["snippets"]), r["title"]))


@routes.get("/api/wiki/{space}/search")
async def search(request: web.Request):
    space = request.match_info["space"]
    params = request.rel_url.query
    q = params.get("q", "")
    if not q:
        raise web.HTTPBadRequest(text="q is required")
    try:
        matcher = PageMatcher(q, params.get("mode") == "regex", params.get("case") == "1")
    except re.error as exc:
        raise web.HTTPBadRequest(text=f"bad pattern: {exc}")
    pool: asyncpg.Pool = request.app["pool"]
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT slug, title, body FROM wiki_pages WHERE space_key = $1 AND deleted = false", space
        )
    results = []
    for row in rows:
        found = matcher.snippets(row["body"])
        if found:
            results.append({"slug": row["slug"], "title": row["title"], "snippets": found})
    return web.json_response({"count": len(results), "results": rank(results)[:50]})


async def init_pool(app: web.Application):
    app["pool"] = await asyncpg.create_pool(dsn=app["dsn"], min_size=1, max_size=5)
    yield
    await app["pool"].close()


def make_app(dsn: str) -> web.Application:
    app = web.Application()
    app["dsn"] = dsn
    app.cleanup_ctx.append(init_pool)
    app.add_routes(routes)
    return app
