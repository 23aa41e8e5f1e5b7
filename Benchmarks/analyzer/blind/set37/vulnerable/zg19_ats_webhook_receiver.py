"""Receiver for applicant-tracking-system webhooks (candidate stage changes)."""
import hashlib
import hmac
import json
import logging
import os
import traceback

import asyncpg
from aiohttp import web

from .pipeline import StageChange, apply_stage_change

log = logging.getLogger("ats-webhooks")
WEBHOOK_SECRET = os.environ["ATS_WEBHOOK_SECRET"].encode()


def verify_signature(body: bytes, header: str) -> bool:
    expected = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256="))


def parse_change(payload: dict) -> StageChange:
    return StageChange(
        candidate_id=int(payload["candidate"]["id"]),
        requisition_id=int(payload["requisition"]["id"]),
        stage=str(payload["stage"]["key"]),
    )


async def handle_stage_change(request: web.Request) -> web.Response:
    body = await request.read()
    if not verify_signature(body, request.headers.get("X-ATS-Signature", "")):
        raise web.HTTPUnauthorized(text="invalid signature")
    try:
        change = parse_change(json.loads(body))
        await apply_stage_change(request.app["db"], change)
    except Exception as exc:
        log.exception("failed to apply stage change")
        detail = {"error": str(exc), "trace": traceback.format_exc()}
        return web.json_response(detail, status=500)  # VULN flow
    log.info("candidate %d moved to %r", change.candidate_id, change.stage)
    return web.json_response({"status": "applied"})


async def health(request: web.Request) -> web.Response:
    try:
        async with request.app["db"].acquire() as conn:
            await conn.fetchval("SELECT 1")
    except Exception as exc:
        return web.json_response({"status": "degraded", "detail": repr(exc)}, status=503)  # VULN flow
    return web.json_response({"status": "ok"})


async def db_pool(app: web.Application):
    app["db"] = await asyncpg.create_pool(os.environ["ATS_DATABASE_URL"], min_size=1, max_size=5)
    yield
    await app["db"].close()


def create_app() -> web.Application:
    app = web.Application(client_max_size=1024 * 1024)
    app.cleanup_ctx.append(db_pool)
    app.router.add_post("/webhooks/ats/stage", handle_stage_change)
    app.router.add_get("/healthz", health)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=int(os.environ.get("PORT", "8081")))
