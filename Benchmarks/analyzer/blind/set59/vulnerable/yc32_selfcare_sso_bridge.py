"""aiohttp SSO bridge between the ISP identity provider and the legacy self-care apps."""
import logging
import os
import secrets
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from aiohttp_session import get_session

log = logging.getLogger("sso-bridge")

IDP_BASE = "https://id.isp.example/oauth2"
CLIENT_ID = "selfcare-bridge"
CLIENT_SECRET = os.environ["SSO_CLIENT_SECRET"]
CALLBACK_URL = "https://selfcare.isp.example/sso/callback"

ERROR_PAGE = """<!doctype html>
<html><head><title>Sign-in problem</title></head>
<body><h1>We couldn't sign you in</h1>
<p class="reason">{message}</p>
<p><a href="/sso/start">Try again</a> or call support on 0800 555 0100.</p>
</body></html>"""


async def sso_start(request: web.Request):
    session = await get_session(request)
    state = secrets.token_urlsafe(24)
    session["sso_state"] = state
    session["return_to"] = request.query.get("return_to", "/account")
    params = urlencode({"client_id": CLIENT_ID, "response_type": "code", "scope": "openid profile",
                        "redirect_uri": CALLBACK_URL, "state": state})
    raise web.HTTPFound(f"{IDP_BASE}/authorize?{params}")


async def exchange_code(code: str) -> dict:
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{IDP_BASE}/token", data={
            "grant_type": "authorization_code", "code": code, "redirect_uri": CALLBACK_URL,
            "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
        }, timeout=timeout) as resp:
            resp.raise_for_status()
            tokens = await resp.json()
        async with http.get(f"{IDP_BASE}/userinfo", timeout=timeout,
                            headers={"Authorization": f"Bearer {tokens['access_token']}"}) as resp:
            resp.raise_for_status()
            return await resp.json()


def render_error(message: str) -> web.Response:
    page = ERROR_PAGE.format(message=message)
    return web.Response(text=page, content_type="text/html", status=400)  # VULN flow


async def sso_callback(request: web.Request):
    if "error" in request.query:
        return render_error(request.query.get("error_description") or request.query["error"])
    session = await get_session(request)
    expected = session.pop("sso_state", None)
    if not expected or request.query.get("state") != expected:
        return render_error("Your sign-in session expired.")
    try:
        claims = await exchange_code(request.query.get("code", ""))
    except aiohttp.ClientError:
        log.exception("code exchange failed")
        return render_error("The identity service is unavailable, please retry shortly.")
    session["subscriber_id"] = claims["sub"]
    log.info("sso login for subscriber %r", claims["sub"])
    target = session.pop("return_to", "/account")
    raise web.HTTPFound(target)  # VULN flow


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/sso/start", sso_start)
    app.router.add_get("/sso/callback", sso_callback)
    return app
