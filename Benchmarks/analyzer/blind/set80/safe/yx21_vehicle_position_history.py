"""aiohttp API exposing AVL vehicle position history for incident review."""
import logging
import os
from datetime import datetime

import asyncpg
from aiohttp import web

log = logging.getLogger("avl_history")

DSN = os.environ.get("AVL_DSN", "postgresql://avl_reader@db.avl.internal/avl")
MAX_ROWS = 5000


class PositionQuery:
    """Translates query-string filters into SQL for the positions table."""

    columns = "vehicle_id, route_id, trip_id, lat, lon, speed_kmh, recorded_at"

    def __init__(self, params):
        self.vehicle = params.get("vehicle")
        self.route = params.get("route")
        self.since = params.get("since")
        self.until = params.get("until")
        self.limit = min(int(params.get("limit", 500)), MAX_ROWS)

    def build(self):
        where, args = [], []
        if self.vehicle:
            args.append(self.vehicle)
            where.append(f"vehicle_id = ${len(args)}")
        if self.route:
            args.append(self.route)
            where.append(f"route_id = ${len(args)}")
        if self.since:
            args.append(datetime.fromisoformat(self.since))
            where.append(f"recorded_at >= ${len(args)}")
        if self.until:
            args.append(datetime.fromisoformat(self.until))
            where.append(f"recorded_at < ${len(args)}")
        sql = f"SELECT {self.columns} FROM vehicle_positions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql + f" ORDER BY recorded_at DESC LIMIT {int(self.limit)}", args


async def position_history(request: web.Request) -> web.Response:
    try:
        query = PositionQuery(request.query)
        sql, args = query.build()
    except ValueError:
        raise web.HTTPBadRequest(text="limit must be an integer and dates ISO-8601")
    if not (query.vehicle or query.route):
        raise web.HTTPBadRequest(text="vehicle or route filter required")
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(sql, *args)
    payload = [
        {**dict(r), "recorded_at": r["recorded_at"].isoformat()} for r in rows
    ]
    return web.json_response({"count": len(payload), "positions": payload})


async def latest_position(request: web.Request) -> web.Response:
    vehicle = request.match_info["vehicle"]
    async with request.app["pool"].acquire() as conn:
        row = await conn.fetchrow(
            f"SELECT {PositionQuery.columns} FROM vehicle_positions "
            "WHERE vehicle_id = $1 ORDER BY recorded_at DESC LIMIT 1", vehicle)
    if row is None:
        raise web.HTTPNotFound()
    return web.json_response({**dict(row), "recorded_at": row["recorded_at"].isoformat()})


async def init_pool(app: web.Application):
    app["pool"] = await asyncpg.create_pool(DSN, min_size=1, max_size=5)
    yield
    await app["pool"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(init_pool)
    app.router.add_get("/positions", position_history)
    app.router.add_get("/positions/{vehicle}/latest", latest_position)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8061)
