"""Invoice listing API for trade customers of the print shop (aiohttp + asyncpg)."""
import logging
import os
from dataclasses import dataclass
from typing import Optional

import asyncpg
from aiohttp import web

log = logging.getLogger("invoices")

PAGE_SIZE = 50
SORT_COLUMNS = {
    "issued_at": "issued_at",
    "due_at": "due_at",
    "total": "total_pence",
    "number": "number",
    "status": "status",
}


@dataclass
class InvoiceQuery:
    customer_id: int
    sort: str = "issued_at"
    direction: str = "DESC"
    status: Optional[str] = None
    page: int = 0

    def build(self):
        args = [self.customer_id]
        where = "customer_id = $1"
        if self.status:
            args.append(self.status)
            where += f" AND status = ${len(args)}"
        order_by = f"{SORT_COLUMNS.get(self.sort, 'issued_at')} {self.direction}"
        sql = (
            "SELECT number, issued_at, due_at, total_pence, status FROM invoices "
            f"WHERE {where} ORDER BY {order_by} LIMIT {PAGE_SIZE} OFFSET {self.page * PAGE_SIZE}"
        )
        return sql, args


def query_from_request(request):
    customer_id = int(request.match_info["customer_id"])
    direction = "ASC" if request.query.get("dir", "desc").lower() == "asc" else "DESC"
    return InvoiceQuery(
        customer_id=customer_id,
        sort=request.query.get("sort", "issued_at"),
        direction=direction,
        status=request.query.get("status"),
        page=max(int(request.query.get("page", 0)), 0),
    )


async def list_invoices(request):
    if request.get("customer_id") != int(request.match_info["customer_id"]):
        raise web.HTTPForbidden()
    try:
        query = query_from_request(request)
    except ValueError:
        raise web.HTTPBadRequest(text="bad paging parameters")
    sql, args = query.build()
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(sql, *args)
    invoices = [
        {**dict(r), "issued_at": r["issued_at"].isoformat(), "due_at": r["due_at"].isoformat()}
        for r in rows
    ]
    return web.json_response({"page": query.page, "invoices": invoices})


@web.middleware
async def auth_middleware(request, handler):
    token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    async with request.app["pool"].acquire() as conn:
        customer_id = await conn.fetchval(
            "SELECT customer_id FROM api_tokens WHERE token_sha256 = encode(sha256($1::bytea), 'hex')",
            token.encode(),
        )
    if customer_id is None:
        raise web.HTTPUnauthorized()
    request["customer_id"] = customer_id
    return await handler(request)


async def init_pool(app):
    app["pool"] = await asyncpg.create_pool(os.environ["INVOICE_DSN"], min_size=1, max_size=10)
    yield
    await app["pool"].close()


def make_app():
    app = web.Application(middlewares=[auth_middleware])
    app.cleanup_ctx.append(init_pool)
    app.router.add_get("/customers/{customer_id:\\d+}/invoices", list_invoices)
    return app
