"""Trainer marketplace listing API (aiohttp + asyncpg)."""
import logging
import os

import asyncpg
from aiohttp import web

log = logging.getLogger("listing")
PAGE_SIZE = 20


class ListingQuery:
    """Translates the marketplace filter bar into SQL."""

    def __init__(self, params):
        self.specialty = params.get("specialty")
        self.city = params.get("city")
        self.max_rate = params.get("max_rate")
        self.sort = params.get("sort", "rating")
        self.page = max(int(params.get("page", "1")), 1)

    def to_sql(self) -> str:
        sql = ("SELECT id, display_name, city, hourly_rate, rating, specialties "
               "FROM trainers WHERE active")
        if self.specialty:
            sql += f" AND '{self.specialty}' = ANY(specialties)"
        if self.city:
            sql += f" AND city ILIKE '{self.city}%'"
        if self.max_rate:
            sql += f" AND hourly_rate <= {self.max_rate}"
        sql += f" ORDER BY {self.sort} DESC NULLS LAST"
        sql += f" LIMIT {PAGE_SIZE} OFFSET {(self.page - 1) * PAGE_SIZE}"
        return sql


async def list_trainers(request: web.Request) -> web.Response:
    try:
        q = ListingQuery(request.query)
    except ValueError:
        raise web.HTTPBadRequest(text="bad page number")
    sql = q.to_sql()
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(sql)  # VULN flow
    return web.json_response({
        "page": q.page,
        "results": [dict(r) | {"hourly_rate": float(r["hourly_rate"])} for r in rows],
    })


async def trainer_detail(request: web.Request) -> web.Response:
    trainer_id = int(request.match_info["trainer_id"])
    async with request.app["pool"].acquire() as conn:
        row = await conn.fetchrow(
            "SELECT id, display_name, bio, city, hourly_rate, rating FROM trainers WHERE id = $1",
            trainer_id,
        )
    if row is None:
        raise web.HTTPNotFound()
    return web.json_response(dict(row) | {"hourly_rate": float(row["hourly_rate"])})


async def init_pool(app: web.Application):
    app["pool"] = await asyncpg.create_pool(os.environ["DATABASE_URL"], min_size=2, max_size=10)
    yield
    await app["pool"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(init_pool)
    app.router.add_get("/trainers", list_trainers)
    app.router.add_get(r"/trainers/{trainer_id:\d+}", trainer_detail)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8085)
