"""Starlette endpoint powering the "top N by dimension" analytics widget."""
import datetime as dt
import logging
import os
from contextlib import asynccontextmanager

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("analytics")

DSN = os.environ.get("ANALYTICS_DSN", "postgresql://analytics@localhost/analytics")
MAX_LIMIT = 100
DIMENSIONS = {"country": "country", "device": "device_type", "browser": "browser", "referrer": "referrer_host"}
METRICS = {"pageviews": "pageviews", "sessions": "sessions", "signups": "signups"}
ORDERS = {"asc": "ASC", "desc": "DESC"}


class BreakdownRequest:
    def __init__(self, request: Request):
        q = request.query_params
        self.workspace = request.path_params["workspace"]
        self.dimension = q.get("dimension", "country")
        self.metric = q.get("metric", "pageviews")
        self.order = q.get("order", "desc")
        self.start = dt.date.fromisoformat(q.get("from", "2024-01-01"))
        self.limit = min(int(q.get("limit", "10")), MAX_LIMIT)
        if self.dimension not in DIMENSIONS or self.metric not in METRICS or self.order not in ORDERS:
            raise ValueError("unsupported breakdown")

    def sql(self) -> str:
        return f"""
            SELECT {DIMENSIONS[self.dimension]} AS key, SUM({METRICS[self.metric]}) AS value
            FROM events_daily
            WHERE workspace_id = $1 AND day >= $2
            GROUP BY 1
            ORDER BY value {ORDERS[self.order]}
            LIMIT $3
        """


async def breakdown(request: Request) -> JSONResponse:
    try:
        spec = BreakdownRequest(request)
    except ValueError:
        return JSONResponse({"error": "invalid breakdown parameters"}, status_code=400)
    query = spec.sql()
    async with request.app.state.pool.acquire() as conn:
        rows = await conn.fetch(query, spec.workspace, spec.start, spec.limit)
    return JSONResponse({
        "dimension": spec.dimension,
        "metric": spec.metric,
        "rows": [{"key": r["key"], "value": float(r["value"] or 0)} for r in rows],
    })


@asynccontextmanager
async def lifespan(app: Starlette):
    app.state.pool = await asyncpg.create_pool(DSN, min_size=1, max_size=10)
    try:
        yield
    finally:
        await app.state.pool.close()


app = Starlette(
    routes=[Route("/w/{workspace}/breakdown", breakdown)],
    lifespan=lifespan,
)
