"""Telescope environment/status history API."""
import datetime
import json
import logging
import os

import asyncpg
from aiohttp import web

DSN = os.environ.get("STATUS_DSN", "postgresql://status@db.obs.internal/status")
METRICS = {"dome_temp", "mirror_temp", "humidity", "wind_speed", "seeing"}

log = logging.getLogger("status_api")


def _dumps(obj) -> str:
    return json.dumps(obj, default=str)


class StatusRepo:
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    async def history(self, telescope: str, metric: str, since: str, limit: int) -> list:
        query = (
            f"SELECT ts, {metric} AS value FROM telescope_status "
            f"WHERE telescope = '{telescope}' AND ts >= '{since}' "
            f"ORDER BY ts DESC LIMIT {limit}"
        )
        async with self.pool.acquire() as conn:
            rows = await conn.fetch(query)  # VULN flow
        return [{"ts": r["ts"].isoformat(), "value": r["value"]} for r in rows]

    async def latest(self, telescope: str):
        async with self.pool.acquire() as conn:
            row = await conn.fetchrow(
                "SELECT * FROM telescope_status WHERE telescope = $1 ORDER BY ts DESC LIMIT 1",
                telescope,
            )
        return dict(row) if row else None


async def history_handler(request: web.Request) -> web.Response:
    telescope = request.match_info["telescope"]
    metric = request.query.get("metric", "dome_temp")
    if metric not in METRICS:
        raise web.HTTPBadRequest(text="unknown metric")
    default_since = datetime.datetime.utcnow() - datetime.timedelta(hours=12)
    since = request.query.get("since") or default_since.isoformat()
    try:
        limit = min(int(request.query.get("limit", "500")), 5000)
    except ValueError:
        raise web.HTTPBadRequest(text="limit must be an integer")
    rows = await request.app["repo"].history(telescope, metric, since, limit)
    return web.json_response({"telescope": telescope, "metric": metric, "points": rows})


async def latest_handler(request: web.Request) -> web.Response:
    row = await request.app["repo"].latest(request.match_info["telescope"])
    if row is None:
        raise web.HTTPNotFound()
    return web.json_response(row, dumps=_dumps)


async def init_db(app: web.Application):
    app["pool"] = await asyncpg.create_pool(DSN, min_size=1, max_size=5)
    app["repo"] = StatusRepo(app["pool"])
    yield
    await app["pool"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(init_db)
    app.router.add_get("/status/{telescope}/history", history_handler)
    app.router.add_get("/status/{telescope}/latest", latest_handler)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8095)
