import logging
import os
import secrets
from urllib.parse import urlsplit

from aiohttp import web

log = logging.getLogger("sso-gateway")
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")

SESSION_COOKIE = "sso_sid"
SESSION_TTL = 8 * 3600


def safe_next(value):
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in value):
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return "/"
    return value


async def check_credentials(app, username, password):
    return await app["auth_backend"].verify(username, password)


async def login_form(request):
    return web.FileResponse(os.path.join(os.path.dirname(__file__), "static", "login.html"))


async def login(request):
    form = await request.post()
    username = form.get("username", "")
    user = await check_credentials(request.app, username, form.get("password", ""))
    if user is None:
        log.warning("failed login for user=%r from %s", username[:64], request.remote)
        raise web.HTTPUnauthorized(text="invalid username or password")

    sid = secrets.token_urlsafe(32)
    await request.app["sessions"].create(sid, user_id=user.id, ttl=SESSION_TTL)
    log.info("login ok uid=%d", user.id)
    resp = web.HTTPFound(safe_next(request.query.get("next")))
    resp.set_cookie(SESSION_COOKIE, sid, max_age=SESSION_TTL, httponly=True, secure=True, samesite="Lax")
    raise resp


async def logout(request):
    sid = request.cookies.get(SESSION_COOKIE)
    if sid:
        await request.app["sessions"].delete(sid)
    resp = web.HTTPFound("/login")
    resp.del_cookie(SESSION_COOKIE)
    raise resp


def create_app(auth_backend, session_store):
    app = web.Application()
    app["auth_backend"] = auth_backend
    app["sessions"] = session_store
    app.add_routes([web.get("/login", login_form), web.post("/login", login), web.post("/logout", logout)])
    return app
