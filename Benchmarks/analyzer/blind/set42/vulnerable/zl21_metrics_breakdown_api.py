"""Starlette endpoint powering the "top N by dimension" analytics widget."""
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


class BreakdownRequest:
    def __init__(self, request: Request):
        q = request.query_params
        self.workspace = request.path_params["workspace"]
        self.dimension = q.get("dimension", "country")
        self.metric = q.get("metric", "pageviews")
        self.order = q.get("order", "desc")
        self.start = q.get("from", "2024-01-01")
        self.limit = min(int(q.get("limit", "10")), MAX_LIMIT)

    def sql(self) -> str:
        return f"""
            SELECT {self.dimension} AS key, SUM({self.metric}) AS value
            FROM events_daily
            WHERE workspace_id = '{self.workspace}' AND day >= '{self.start}'
            GROUP BY 1
            ORDER BY value {self.order}
            LIMIT {self.limit}
        """


async def breakdown(request: Request) -> JSONResponse:
    try:
        spec = BreakdownRequest(request)
    except ValueError:
        return JSONResponse({"error": "invalid limit"}, status_code=400)
    query = spec.sql()
    async with request.app.state.pool.acquire() as conn:
        rows = await conn.fetch(query)  # VULN flow
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
