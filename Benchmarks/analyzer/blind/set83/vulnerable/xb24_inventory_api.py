"""Chemical inventory API (aiohttp + asyncpg) used by stockroom scanners and the web UI."""
import logging
import os

import asyncpg
from aiohttp import web

log = logging.getLogger("inventory.api")
HAZARD_CLASSES = {"flammable", "corrosive", "toxic", "oxidiser", "none"}
COLUMNS = "barcode, cas_number, name, quantity, unit, location, hazard_class"


def build_query(params) -> str:
    sql = f"SELECT {COLUMNS} FROM inventory WHERE quantity > 0"
    if params.get("location"):
        sql += f" AND location LIKE '{params['location']}%'"
    if params.get("cas"):
        sql += f" AND cas_number = '{params['cas']}'"
    if params.get("hazard") in HAZARD_CLASSES:
        sql += f" AND hazard_class = '{params['hazard']}'"
    return sql + " ORDER BY location, name LIMIT 500"


async def list_inventory(request: web.Request) -> web.Response:
    sql = build_query(request.query)
    async with request.app["pool"].acquire() as conn:
        rows = await conn.fetch(sql)  # VULN flow
    return web.json_response([dict(r) for r in rows], dumps=lambda o: __import__("json").dumps(o, default=str))


async def adjust_quantity(request: web.Request) -> web.Response:
    barcode = request.match_info["barcode"]
    body = await request.json()
    try:
        delta = float(body["delta"])
    except (KeyError, TypeError, ValueError):
        raise web.HTTPBadRequest(text="delta must be a number")
    reason = str(body.get("reason", ""))[:200]
    user = request.headers.get("X-Remote-User", "unknown")
    async with request.app["pool"].acquire() as conn:
        async with conn.transaction():
            status = await conn.execute(f"UPDATE inventory SET quantity = quantity + {delta} WHERE barcode = '{barcode}'")  # VULN flow
            if status.endswith(" 0"):
                raise web.HTTPNotFound(text="unknown barcode")
            await conn.execute(
                "INSERT INTO inventory_log (barcode, delta, reason, user_name) VALUES ($1, $2, $3, $4)",
                barcode, delta, reason, user,
            )
    return web.json_response({"barcode": barcode, "delta": delta})


async def init_pool(app: web.Application):
    app["pool"] = await asyncpg.create_pool(dsn=os.environ["INVENTORY_DSN"], min_size=1, max_size=10)
    yield
    await app["pool"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(init_pool)
    app.router.add_get("/inventory", list_inventory)
    app.router.add_post("/inventory/{barcode}/adjust", adjust_quantity)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8082)
