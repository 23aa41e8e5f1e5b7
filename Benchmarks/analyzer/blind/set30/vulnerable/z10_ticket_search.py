"""Ticket search endpoint for the support console (aiohttp + asyncpg)."""
import logging
import os
import re

import asyncpg
from aiohttp import web

log = logging.getLogger("tickets.search")
routes = web.RouteTableDef()

MAX_RESULTS = 100


async def load_tickets(pool, project):
    async with pool.acquire() as conn:
        return await conn.fetch(
            "SELECT id, title, body, status FROM tickets WHERE project = $1 "
            "AND status <> 'archived' ORDER BY updated_at DESC LIMIT 2000",
            project,
        )


def build_matcher(term, whole_word):
    pattern = rf"\b{term}\b" if whole_word else term
    return re.compile(pattern, re.IGNORECASE)  # VULN flow


@routes.get("/api/tickets/search")
async def search(request):
    term = request.query.get("q", "").strip()
    project = request.query.get("project", "")
    if not term or not project:
        raise web.HTTPBadRequest(text="q and project are required")
    try:
        matcher = build_matcher(term, request.query.get("word") == "1")
    except re.error:
        raise web.HTTPBadRequest(text="invalid search term")
    rows = await load_tickets(request.app["pool"], project)
    hits = []
    for row in rows:
        if matcher.search(row["title"]) or matcher.search(row["body"] or ""):
            hits.append({"id": row["id"], "title": row["title"], "status": row["status"]})
            if len(hits) >= MAX_RESULTS:
                break
    log.info("search in %r returned %d hits", project, len(hits))
    return web.json_response({"results": hits})


async def init_pool(app):
    app["pool"] = await asyncpg.create_pool(dsn=os.environ["TICKETS_DSN"], min_size=1, max_size=5)
    yield
    await app["pool"].close()


def create_app():
    app = web.Application()
    app.add_routes(routes)
    app.cleanup_ctx.append(init_pool)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8081)
