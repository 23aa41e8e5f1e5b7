"""Webhook test-delivery endpoint for the integrations dashboard."""
import hmac
import json
import logging
import os
import time
import uuid

from aiohttp import ClientError, ClientSession, ClientTimeout, web

logger = logging.getLogger("integrations.webhooks")
routes = web.RouteTableDef()

DELIVERY_TIMEOUT = ClientTimeout(total=5)


def sample_event(account_id: str) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "type": "integration.ping",
        "account": account_id,
        "created": int(time.time()),
    }


async def deliver(session: ClientSession, target: str, event: dict) -> tuple[int, str]:
    async with session.post(target, json=event, timeout=DELIVERY_TIMEOUT, allow_redirects=False) as resp:  # VULN flow
        body = await resp.text()
        return resp.status, body[:500]


@web.middleware
async def auth_middleware(request: web.Request, handler):
    token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    for known, account_id in request.app["tokens"].items():
        if token and hmac.compare_digest(token.encode(), known.encode()):
            request["account_id"] = account_id
            break
    return await handler(request)


@routes.post("/webhooks/test")
async def test_webhook(request: web.Request) -> web.Response:
    account_id = request.get("account_id")
    if account_id is None:
        raise web.HTTPUnauthorized()
    try:
        payload = await request.json()
    except json.JSONDecodeError:
        raise web.HTTPBadRequest(text="invalid json")
    target = str(payload.get("url", "")).strip()
    if not target:
        raise web.HTTPBadRequest(text="url is required")
    event = sample_event(account_id)
    try:
        status, body = await deliver(request.app["http"], target, event)
    except (ClientError, TimeoutError):
        logger.warning("test delivery for %r to %r failed", account_id, target)
        return web.json_response({"delivered": False}, status=502)
    return web.json_response({"delivered": True, "status": status, "response": body})


async def _open_session(app: web.Application) -> None:
    app["http"] = ClientSession()


async def _close_session(app: web.Application) -> None:
    await app["http"].close()


def create_app() -> web.Application:
    app = web.Application(middlewares=[auth_middleware])
    app["tokens"] = json.loads(os.environ.get("INTEGRATION_TOKENS", "{}"))
    app.add_routes(routes)
    app.on_startup.append(_open_session)
    app.on_cleanup.append(_close_session)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8081)
