"""Push published obituaries to partner newspapers' intake webhooks.

Funeral home staff choose a partner paper in the publishing screen; the screen
posts the obituary id and the partner's intake URL here.
"""
import logging
import os
from urllib.parse import urlparse

import aiohttp
import asyncpg
from aiohttp import web

log = logging.getLogger("syndication")
logging.basicConfig(level=logging.INFO)

DELIVERY_TIMEOUT = aiohttp.ClientTimeout(total=10)
PARTNER_INTAKE_HOSTS = {
    "intake.dailyherald.example",
    "obits.countygazette.example",
    "api.legacynotices.example",
}


async def load_obituary(pool, obit_id: int, home_id: int):
    async with pool.acquire() as conn:
        return await conn.fetchrow(
            "SELECT id, full_name, born_on, died_on, body, photo_url, service_details "
            "FROM obituaries WHERE id = $1 AND home_id = $2 AND status = 'published'",
            obit_id, home_id,
        )


def build_payload(obit) -> dict:
    return {
        "external_id": f"hfh-{obit['id']}",
        "name": obit["full_name"],
        "born": obit["born_on"].isoformat() if obit["born_on"] else None,
        "died": obit["died_on"].isoformat(),
        "text": obit["body"],
        "photo": obit["photo_url"],
        "services": obit["service_details"],
    }


def is_partner_intake(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme == "https" and (parts.hostname or "").lower() in PARTNER_INTAKE_HOSTS


async def deliver(session: aiohttp.ClientSession, target: str, payload: dict) -> dict:
    async with session.post(target, json=payload, timeout=DELIVERY_TIMEOUT, allow_redirects=False) as resp:
        body = await resp.text()
        return {"status": resp.status, "response": body[:2000]}


async def syndicate(request: web.Request) -> web.Response:
    home_id = request["home_id"]
    data = await request.json()
    obit_id = int(data["obituary_id"])
    partner = data.get("partner", "unknown")
    callback = data.get("intake_url", "")
    log.info("syndicating obituary %d to partner %r", obit_id, partner)

    obit = await load_obituary(request.app["pool"], obit_id, home_id)
    if obit is None:
        raise web.HTTPNotFound(text="obituary not found or not published")
    if not is_partner_intake(callback):
        raise web.HTTPBadRequest(text="intake_url is not a registered partner endpoint")
    try:
        result = await deliver(request.app["http"], callback, build_payload(obit))
    except aiohttp.ClientError as exc:
        log.warning("delivery failed for obituary %d: %s", obit_id, type(exc).__name__)
        raise web.HTTPBadGateway(text="partner intake unreachable")
    return web.json_response({"obituary_id": obit_id, "partner": partner, **result})


@web.middleware
async def staff_auth(request, handler):
    token = request.headers.get("Authorization", "")
    home_id = await request.app["pool"].fetchval(
        "SELECT home_id FROM staff_tokens WHERE token = $1 AND revoked = false",
        token.removeprefix("Bearer "),
    )
    if home_id is None:
        raise web.HTTPUnauthorized()
    request["home_id"] = home_id
    return await handler(request)


async def lifecycle(app: web.Application):
    app["pool"] = await asyncpg.create_pool(os.environ["OBITS_DSN"])
    app["http"] = aiohttp.ClientSession()
    yield
    await app["http"].close()
    await app["pool"].close()


app = web.Application(middlewares=[staff_auth])
app.cleanup_ctx.append(lifecycle)
app.router.add_post("/syndicate", syndicate)
