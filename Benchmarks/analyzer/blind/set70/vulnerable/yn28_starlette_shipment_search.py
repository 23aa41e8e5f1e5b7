"""Starlette endpoint for searching shipments in the forwarding operations database."""
import logging
import os

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("shipment_search")

BASE_SELECT = (
    "SELECT s.reference, s.bl_no, s.pol, s.pod, s.eta, s.status, c.name AS customer "
    "FROM shipments s JOIN customers c ON c.id = s.customer_id"
)


def build_search(params) -> tuple:
    filters, args = [], []
    for column, key in (("s.pol", "pol"), ("s.pod", "pod"), ("s.status", "status")):
        if params.get(key):
            args.append(params[key].upper())
            filters.append("%s = $%d" % (column, len(args)))
    if params.get("customer"):
        args.append("%" + params["customer"] + "%")
        filters.append("c.name ILIKE $%d" % len(args))
    sql = BASE_SELECT
    if filters:
        sql += " WHERE " + " AND ".join(filters)
    sort = params.get("sort", "s.eta")
    direction = "DESC" if params.get("desc") == "1" else "ASC"
    sql += " ORDER BY %s %s LIMIT 200" % (sort, direction)
    return sql, args


async def search(request: Request) -> JSONResponse:
    sql, args = build_search(request.query_params)
    async with request.app.state.pool.acquire() as conn:
        rows = await conn.fetch(sql, *args)  # VULN flow
    return JSONResponse([
        {**dict(r), "eta": r["eta"].isoformat() if r["eta"] else None} for r in rows
    ])


async def shipment(request: Request) -> JSONResponse:
    ref = request.path_params["reference"]
    async with request.app.state.pool.acquire() as conn:
        row = await conn.fetchrow(BASE_SELECT + " WHERE s.reference = $1", ref)
    if row is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse({**dict(row), "eta": row["eta"].isoformat() if row["eta"] else None})


async def startup():
    app.state.pool = await asyncpg.create_pool(os.environ["SHIPMENTS_DSN"], min_size=1, max_size=10)


async def shutdown():
    await app.state.pool.close()


app = Starlette(
    routes=[Route("/shipments", search), Route("/shipments/{reference}", shipment)],
    on_startup=[startup],
    on_shutdown=[shutdown],
)
