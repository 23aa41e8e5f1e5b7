"""Async API behind the commercial-client trap dashboard.

Warehouse and restaurant clients see their monitored traps, the last
reading of each and the open service alerts.
"""
import logging
import os

import asyncpg
from aiohttp import web

log = logging.getLogger("trap_dashboard")
routes = web.RouteTableDef()

STATUSES = ("ok", "triggered", "low_battery", "offline")


async def init_pool(app: web.Application):
    app["pool"] = await asyncpg.create_pool(dsn=os.environ["TRAPS_DSN"], min_size=2, max_size=10)
    yield
    await app["pool"].close()


def client_id(request: web.Request) -> int:
    ident = request.get("client")
    if ident is None:
        raise web.HTTPUnauthorized()
    return ident["client_id"]


class TrapQuery:
    def __init__(self, client: int, params):
        self.client = client
        self.status = params.get("status")
        self.zone = params.get("zone")
        self.limit = min(int(params.get("limit", "200")), 1000)

    def sql(self) -> tuple:
        args = [self.client]
        parts = [
            "SELECT t.id, t.label, t.zone, t.status, r.battery_mv, r.ts AS last_seen",
            "FROM traps t LEFT JOIN LATERAL (",
            "  SELECT battery_mv, ts FROM trap_readings WHERE trap_id = t.id ORDER BY ts DESC LIMIT 1",
            ") r ON true",
            "WHERE t.client_id = $1",
        ]
        if self.status:
            args.append(self.status)
            parts.append(f"AND t.status = ${len(args)}")
        if self.zone:
            args.append(self.zone + "%")
            parts.append(f"AND t.zone ILIKE ${len(args)}")
        parts.append(f"ORDER BY t.zone, t.label LIMIT {self.limit}")
        return "\n".join(parts), args


@routes.get("/api/traps")
async def list_traps(request: web.Request):
    query = TrapQuery(client_id(request), request.query)
    sql, args = query.sql()
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(sql, *args)
    return web.json_response([
        {**dict(r), "last_seen": r["last_seen"].isoformat() if r["last_seen"] else None}
        for r in rows
    ])


@routes.get("/api/traps/{trap_id}/alerts")
async def trap_alerts(request: web.Request):
    trap_id = int(request.match_info["trap_id"])
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(
            "SELECT a.id, a.kind, a.created_at, a.resolved_at FROM service_alerts a "
            "JOIN traps t ON t.id = a.trap_id WHERE a.trap_id = $1 AND t.client_id = $2 "
            "ORDER BY a.created_at DESC LIMIT 100",
            trap_id, client_id(request),
        )
    return web.json_response([
        {"id": r["id"], "kind": r["kind"], "created_at": r["created_at"].isoformat(),
         "resolved": r["resolved_at"] is not None}
        for r in rows
    ])


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(init_pool)
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8090)
