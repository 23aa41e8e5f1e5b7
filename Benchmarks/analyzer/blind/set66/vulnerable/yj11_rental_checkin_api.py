"""Vehicle return / check-in API used by the branch tablets."""
import logging
from datetime import datetime, timezone

import asyncpg
from aiohttp import web

log = logging.getLogger("rental.checkin")
audit = logging.getLogger("rental.audit")

FUEL_LEVELS = {"empty", "quarter", "half", "three_quarters", "full"}


async def record_return(pool, branch, plate, odometer, fuel, agent):
    async with pool.acquire() as conn:
        return await conn.fetchrow(
            "UPDATE rentals SET returned_at = $1, return_branch = $2, return_odometer = $3, "
            "return_fuel = $4, checked_in_by = $5 "
            "WHERE plate = $6 AND returned_at IS NULL RETURNING id, customer_id, start_odometer",
            datetime.now(timezone.utc), branch, odometer, fuel, agent, plate,
        )


async def checkin(request: web.Request) -> web.Response:
    branch = request.match_info["branch"]
    data = await request.json()
    plate = str(data.get("plate", "")).upper().replace(" ", "")
    agent = str(data.get("agent", ""))
    fuel = data.get("fuel_level", "full")
    notes = str(data.get("damage_notes", "")).strip()
    try:
        odometer = int(data.get("odometer", 0))
    except (TypeError, ValueError):
        raise web.HTTPBadRequest(text="odometer must be an integer")
    if fuel not in FUEL_LEVELS:
        raise web.HTTPBadRequest(text="unknown fuel level")

    log.info(f"check-in branch={branch} plate={plate} agent={agent} odo={odometer} fuel={fuel}")  # VULN flow
    row = await record_return(request.app["pool"], branch, plate, odometer, fuel, agent)
    if row is None:
        log.warning("no open rental for plate %r", plate)
        raise web.HTTPNotFound(text="no open rental for that vehicle")

    if notes:
        message = "damage reported on %s (rental %s) by %s: %s" % (plate, row["id"], agent, notes)
        audit.warning(message)  # VULN flow

    driven = odometer - row["start_odometer"]
    return web.json_response({"rental_id": row["id"], "km_driven": driven, "fuel": fuel})


async def init_pool(app: web.Application):
    app["pool"] = await asyncpg.create_pool(dsn=app["dsn"], min_size=1, max_size=5)
    yield
    await app["pool"].close()


def make_app(dsn: str) -> web.Application:
    app = web.Application()
    app["dsn"] = dsn
    app.cleanup_ctx.append(init_pool)
    app.router.add_post("/branches/{branch}/checkin", checkin)
    return app


if __name__ == "__main__":
    import os
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    web.run_app(make_app(os.environ["RENTAL_DSN"]), host="127.0.0.1", port=8085)
