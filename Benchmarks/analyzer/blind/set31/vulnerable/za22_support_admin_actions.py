"""Administrative bulk actions for the support console."""
import functools
import logging
import os

import asyncpg
from aiohttp import web

from .auth import session_middleware

logger = logging.getLogger("support.admin")
routes = web.RouteTableDef()

MAX_BATCH = 100
ADMIN_ROLE = "support-admin"


def admin_required(handler):
    @functools.wraps(handler)
    async def wrapper(request):
        user = request.get("user")
        assert user is not None and ADMIN_ROLE in user["roles"], "admin role required"  # VULN
        return await handler(request)

    return wrapper


async def _parse_ids(request):
    try:
        payload = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="body must be JSON")
    ids = payload.get("user_ids") if isinstance(payload, dict) else None
    if not isinstance(ids, list) or not ids or len(ids) > MAX_BATCH:
        raise web.HTTPBadRequest(text=f"user_ids must be a list of 1-{MAX_BATCH} ids")
    try:
        return [int(value) for value in ids]
    except (TypeError, ValueError):
        raise web.HTTPBadRequest(text="user_ids must be integers")


@routes.post("/admin/users/suspend")
@admin_required
async def suspend_users(request):
    ids = await _parse_ids(request)
    async with request.app["db"].acquire() as conn:
        result = await conn.execute(
            "UPDATE users SET suspended_at = now() WHERE id = ANY($1::bigint[]) AND suspended_at IS NULL",
            ids,
        )
    logger.info("admin %r suspended users %r", request["user"]["id"], ids)
    return web.json_response({"updated": int(result.split()[-1])})


@routes.post("/admin/users/reinstate")
@admin_required
async def reinstate_users(request):
    ids = await _parse_ids(request)
    async with request.app["db"].acquire() as conn:
        result = await conn.execute(
            "UPDATE users SET suspended_at = NULL WHERE id = ANY($1::bigint[])",
            ids,
        )
    logger.info("admin %r reinstated users %r", request["user"]["id"], ids)
    return web.json_response({"updated": int(result.split()[-1])})


async def db_pool(app):
    app["db"] = await asyncpg.create_pool(dsn=os.environ["DATABASE_URL"], min_size=1, max_size=5)
    yield
    await app["db"].close()


def create_app():
    app = web.Application(middlewares=[session_middleware])
    app.add_routes(routes)
    app.cleanup_ctx.append(db_pool)
    return app
