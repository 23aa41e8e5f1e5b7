"""Lease quote service for the fleet leasing desk (aiohttp + asyncpg)."""
import logging
import os
from decimal import Decimal

import asyncpg
from aiohttp import web

log = logging.getLogger("lease.quotes")
QUOTE_COLUMNS = "id, model_code, term_months, annual_km, monthly_rental, status, created_at"


def monthly_rental(list_price: Decimal, residual_pct: Decimal, term: int, apr: Decimal) -> Decimal:
    residual = list_price * residual_pct / 100
    depreciation = (list_price - residual) / term
    finance = (list_price + residual) * (apr / 100) / 24
    return (depreciation + finance).quantize(Decimal("0.01"))


async def list_quotes(request: web.Request) -> web.Response:
    customer_id = request.match_info["customer_id"]
    status = request.query.get("status", "open")
    term = request.query.get("term")
    filters = [f"customer_id = {customer_id}", f"status = '{status}'"]
    if term:
        filters.append(f"term_months = {term}")
    sql = f"SELECT {QUOTE_COLUMNS} FROM lease_quotes WHERE " + " AND ".join(filters)
    sql += " ORDER BY created_at DESC LIMIT 100"
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(sql)  # VULN flow
    return web.json_response([{**dict(r), "monthly_rental": str(r["monthly_rental"]),
                               "created_at": r["created_at"].isoformat()} for r in rows])


async def create_quote(request: web.Request) -> web.Response:
    customer_id = int(request.match_info["customer_id"])
    data = await request.json()
    term = int(data.get("term_months", 36))
    annual_km = int(data.get("annual_km", 15000))
    async with request.app["pool"].acquire() as conn:
        residual = await conn.fetchval(  # VULN flow
            f"SELECT residual_pct FROM residuals WHERE model_code = '{data['model_code']}' "
            f"AND term_months = {term} AND annual_km >= {annual_km} ORDER BY annual_km LIMIT 1"
        )
        if residual is None:
            raise web.HTTPBadRequest(text="no residual for that term/mileage")
        model = await conn.fetchrow(
            "SELECT model_code, list_price FROM models WHERE model_code = $1", data.get("model_code")
        )
        if model is None:
            raise web.HTTPNotFound(text="unknown model")
        rental = monthly_rental(model["list_price"], residual, term, Decimal(os.environ.get("LEASE_APR", "6.9")))
        quote_id = await conn.fetchval(
            "INSERT INTO lease_quotes (customer_id, model_code, term_months, annual_km, monthly_rental, status) "
            "VALUES ($1, $2, $3, $4, $5, 'open') RETURNING id",
            customer_id, model["model_code"], term, annual_km, rental,
        )
    log.info("quote %s created for customer %s", quote_id, customer_id)
    return web.json_response({"id": quote_id, "monthly_rental": str(rental)}, status=201)


async def init_pool(app):
    app["pool"] = await asyncpg.create_pool(os.environ["LEASE_DSN"], max_size=8)
    yield
    await app["pool"].close()


def make_app():
    app = web.Application()
    app.cleanup_ctx.append(init_pool)
    app.router.add_get("/customers/{customer_id}/quotes", list_quotes)
    app.router.add_post("/customers/{customer_id}/quotes", create_quote)
    return app
