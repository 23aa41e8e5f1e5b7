"""Starlette front-door for the status page admin: password login + logout."""
import os
from urllib.parse import urlparse

from passlib.hash import argon2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

from .storage import get_admin_by_email, record_login

LOGIN_FORM = """<!doctype html>
<form method="post">
  <input type="hidden" name="return_to" value="{return_to}">
  <input name="email" type="email" placeholder="email">
  <input name="password" type="password" placeholder="password">
  <button>Sign in</button>
</form>"""


def _local_only(target: str) -> str:
    parts = urlparse(target.replace("\\", "/"))
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/admin"
    return target


def _return_target(request: Request, form=None) -> str:
    if form is not None and form.get("return_to"):
        return _local_only(form["return_to"])
    return _local_only(request.query_params.get("return_to", "/admin"))


async def login(request: Request):
    if request.method == "GET":
        if request.session.get("admin_id"):
            return RedirectResponse(_return_target(request), status_code=303)
        return HTMLResponse(LOGIN_FORM.format(return_to="/admin"))

    form = await request.form()
    admin = await get_admin_by_email(form.get("email", ""))
    if admin is None or not argon2.verify(form.get("password", ""), admin.password_hash):
        return HTMLResponse("Invalid credentials", status_code=401)

    request.session["admin_id"] = admin.id
    await record_login(admin.id, request.client.host)
    target = _return_target(request, form)
    return RedirectResponse(url=target, status_code=303)


async def logout(request: Request):
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


app = Starlette(
    routes=[
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
    ],
    middleware=[Middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"], https_only=True)],
)
