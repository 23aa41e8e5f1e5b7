"""Course webhooks: instructors register URLs that receive grade events.

On registration the service sends a signed ``ping`` event and shows the
instructor the response so they can debug their endpoint.
"""
import hashlib
import hmac
import json
import logging
import os
import secrets
import time

import aiohttp
from aiohttp import web

log = logging.getLogger("webhooks")

PING_TIMEOUT = aiohttp.ClientTimeout(total=5)
SUPPORTED_EVENTS = {"grade.updated", "submission.created", "certificate.issued"}


class Webhook:
    def __init__(self, course_id: int, url: str, events: list[str]):
        self.course_id = course_id
        self.url = url
        self.events = events
        self.secret = secrets.token_hex(32)

    def sign(self, body: bytes) -> str:
        return hmac.new(self.secret.encode(), body, hashlib.sha256).hexdigest()


async def deliver(session: aiohttp.ClientSession, hook: Webhook, event: str, data: dict) -> tuple[int, str]:
    body = json.dumps({"event": event, "course_id": hook.course_id, "sent_at": int(time.time()), "data": data}).encode()
    headers = {"Content-Type": "application/json", "X-Course-Signature": hook.sign(body)}
    async with session.post(hook.url, data=body, headers=headers, timeout=PING_TIMEOUT) as resp:  # VULN flow
        return resp.status, (await resp.text())[:2000]


async def register_webhook(request: web.Request) -> web.Response:
    course_id = int(request.match_info["course_id"])
    if not await request.app["authz"].can_manage_course(request, course_id):
        raise web.HTTPForbidden()
    body = await request.json()
    events = [e for e in body.get("events", ["grade.updated"]) if e in SUPPORTED_EVENTS]
    hook = Webhook(course_id, str(body.get("url", "")).strip(), events)
    if not hook.url:
        raise web.HTTPBadRequest(text="url required")
    try:
        status, preview = await deliver(request.app["http"], hook, "ping", {"zen": "Keep learning."})
    except aiohttp.ClientError as exc:
        return web.json_response({"registered": False, "error": str(exc)}, status=422)
    request.app["hooks"].setdefault(course_id, []).append(hook)
    return web.json_response({"registered": True, "secret": hook.secret,
                              "ping": {"status": status, "response": preview}})


async def _start_http(app: web.Application):
    app["http"] = aiohttp.ClientSession()
    yield
    await app["http"].close()


def create_app(authz) -> web.Application:
    app = web.Application()
    app["authz"] = authz
    app["hooks"] = {}
    app.cleanup_ctx.append(_start_http)
    app.router.add_post("/api/courses/{course_id}/webhooks", register_webhook)
    return app
