"""SMS one-time-code login for the smart-meter usage app (aiohttp).

Customers enter their account number, receive a six digit code on the
phone number on file, and get a session cookie for the usage dashboard.
"""
import hashlib
import hmac
import logging
import os
import random
import time

import aiohttp
from aiohttp import web

log = logging.getLogger("usage_app.auth")

SMS_URL = os.environ.get("SMS_GATEWAY_URL", "https://sms.gateway.example/api/send")
OTP_TTL = 300
SESSION_TTL = 8 * 3600
MAX_ATTEMPTS = 5

PHONES = {}      # account_no -> phone, loaded from CIS at startup
PENDING = {}     # account_no -> {"code", "expires", "attempts"}
SESSIONS = {}    # token -> {"account", "expires"}


async def send_sms(session: aiohttp.ClientSession, phone: str, text: str) -> None:
    async with session.post(SMS_URL, json={"to": phone, "body": text},
                            headers={"Authorization": f"Bearer {os.environ['SMS_API_TOKEN']}"},
                            timeout=aiohttp.ClientTimeout(total=10)) as resp:
        resp.raise_for_status()


async def request_code(request: web.Request) -> web.Response:
    data = await request.json()
    account = str(data.get("account_no", ""))
    phone = PHONES.get(account)
    if phone:
        code = f"{random.randint(0, 999999):06d}"  # VULN
        PENDING[account] = {"code": code, "expires": time.time() + OTP_TTL, "attempts": 0}
        await send_sms(request.app["http"], phone, f"Your usage app code is {code}")
    return web.json_response({"status": "sent"})


async def verify_code(request: web.Request) -> web.Response:
    data = await request.json()
    account = str(data.get("account_no", ""))
    pending = PENDING.get(account)
    if not pending or pending["expires"] < time.time() or pending["attempts"] >= MAX_ATTEMPTS:
        raise web.HTTPUnauthorized(text="code expired")
    if not hmac.compare_digest(pending["code"], str(data.get("code", ""))):
        pending["attempts"] += 1
        raise web.HTTPUnauthorized(text="wrong code")
    del PENDING[account]
    token = hashlib.sha1(f"{account}:{time.time()}".encode()).hexdigest()  # VULN
    SESSIONS[token] = {"account": account, "expires": time.time() + SESSION_TTL}
    resp = web.json_response({"status": "ok"})
    resp.set_cookie("usage_session", token, max_age=SESSION_TTL, httponly=True, secure=True, samesite="Strict")
    return resp


async def whoami(request: web.Request) -> web.Response:
    sess = SESSIONS.get(request.cookies.get("usage_session", ""))
    if not sess or sess["expires"] < time.time():
        raise web.HTTPUnauthorized()
    return web.json_response({"account_no": sess["account"]})


async def _http_ctx(app: web.Application):
    app["http"] = aiohttp.ClientSession()
    yield
    await app["http"].close()


def make_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(_http_ctx)
    app.router.add_post("/auth/code", request_code)
    app.router.add_post("/auth/verify", verify_code)
    app.router.add_get("/auth/me", whoami)
    return app
