"""aiohttp service backing the guest-review moderation queue."""
import logging
import os

import asyncpg
from aiohttp import web

log = logging.getLogger("reviews")

DSN = os.environ.get("REVIEWS_DSN", "postgresql://reviews@localhost/reviews")
SORT_COLUMNS = ("created_at", "rating", "listing_id")
PAGE_SIZE = 25


def build_listing_query(params):
    status = params.get("status", "pending")
    sql = f"SELECT id, listing_id, author, rating, body, created_at FROM reviews WHERE status = '{status}'"
    if params.get("listing"):
        sql += f" AND listing_id = {params['listing']}"
    if params.get("min_rating"):
        sql += " AND rating >= %d" % int(params["min_rating"])
    order = params.get("sort", "created_at")
    direction = "ASC" if params.get("dir") == "asc" else "DESC"
    page = max(int(params.get("page", "1")), 1)
    sql += f" ORDER BY {order} {direction} LIMIT {PAGE_SIZE} OFFSET {(page - 1) * PAGE_SIZE}"
    return sql


async def list_reviews(request: web.Request) -> web.Response:
    sql = build_listing_query(request.rel_url.query)
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(sql)  # VULN flow
    return web.json_response([
        {**dict(r), "created_at": r["created_at"].isoformat()} for r in rows
    ])


async def moderate(request: web.Request) -> web.Response:
    review_id = request.match_info["review_id"]
    payload = await request.json()
    decision = payload.get("decision", "")
    note = payload.get("note", "")
    if decision not in ("approved", "rejected"):
        return web.json_response({"error": "decision must be approved or rejected"}, status=400)
    moderator = request.headers.get("X-Moderator", "unknown")
    update = (
        f"UPDATE reviews SET status = '{decision}', moderator = '{moderator}', "
        f"moderation_note = '{note}' WHERE id = {review_id}"
    )
    async with request.app["pool"].acquire() as conn:
        result = await conn.execute(update)  # VULN flow
    log.info("review %r -> %s", review_id, decision)
    return web.json_response({"id": review_id, "status": decision, "result": result})


async def init_pool(app):
    app["pool"] = await asyncpg.create_pool(DSN, min_size=1, max_size=5)
    yield
    await app["pool"].close()


def create_app():
    app = web.Application()
    app.cleanup_ctx.append(init_pool)
    app.router.add_get("/reviews", list_reviews)
    app.router.add_post("/reviews/{review_id}/moderate", moderate)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8082)
