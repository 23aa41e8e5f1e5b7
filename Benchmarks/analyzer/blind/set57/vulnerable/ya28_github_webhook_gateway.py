"""aiohttp gateway: receives GitHub webhooks and serves the dashboard avatar proxy."""
import hashlib
import hmac
import json
import logging

import aiohttp
from aiohttp import web

log = logging.getLogger("gateway")

GITHUB_WEBHOOK_SECRET = b"whsec_3c1f0d9b7a8e4f2c9d6b5a4e3f2c1d0b"  # VULN
MAX_AVATAR_BYTES = 512 * 1024
HANDLED_EVENTS = {"push", "pull_request", "release"}


def signature_ok(body: bytes, header: str) -> bool:
    expected = "sha256=" + hmac.new(GITHUB_WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header or "")


async def github_webhook(request: web.Request) -> web.Response:
    body = await request.read()
    if not signature_ok(body, request.headers.get("X-Hub-Signature-256", "")):
        raise web.HTTPUnauthorized(text="bad signature")
    event = request.headers.get("X-GitHub-Event", "")
    if event not in HANDLED_EVENTS:
        return web.json_response({"ignored": event})
    payload = json.loads(body)
    await request.app["queue"].put({"event": event, "payload": payload})
    log.info("queued %r event for %r", event, payload.get("repository", {}).get("full_name"))
    return web.json_response({"queued": True}, status=202)


def _avatar_source(request: web.Request) -> str:
    src = request.query.get("src", "")
    if not src:
        raise web.HTTPBadRequest(text="missing src")
    return src


async def avatar_proxy(request: web.Request) -> web.Response:
    upstream = _avatar_source(request)
    session: aiohttp.ClientSession = request.app["http"]
    async with session.get(upstream, timeout=aiohttp.ClientTimeout(total=10)) as resp:  # VULN flow
        if resp.status != 200:
            raise web.HTTPBadGateway(text=f"upstream returned {resp.status}")
        data = await resp.content.read(MAX_AVATAR_BYTES)
        ctype = resp.headers.get("Content-Type", "application/octet-stream")
    return web.Response(body=data, content_type=ctype.split(";")[0],
                        headers={"Cache-Control": "public, max-age=3600"})


async def _startup(app: web.Application) -> None:
    app["http"] = aiohttp.ClientSession()


async def _cleanup(app: web.Application) -> None:
    await app["http"].close()


def make_app(queue) -> web.Application:
    app = web.Application()
    app["queue"] = queue
    app.on_startup.append(_startup)
    app.on_cleanup.append(_cleanup)
    app.router.add_post("/hooks/github", github_webhook)
    app.router.add_get("/avatar", avatar_proxy)
    return app


if __name__ == "__main__":
    import asyncio

    web.run_app(make_app(asyncio.Queue()), host="127.0.0.1", port=8093)
