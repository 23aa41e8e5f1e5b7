"""Starlette front-door for the status page admin: password login + logout."""
import os

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


def _return_target(request: Request, form=None) -> str:
    if form is not None and form.get("return_to"):
        return form["return_to"]
    return request.query_params.get("return_to", "/admin")


async def login(request: Request):
    if request.method == "GET":
        if request.session.get("admin_id"):
            return RedirectResponse(request.query_params.get("return_to", "/admin"), status_code=303)  # VULN
        return HTMLResponse(LOGIN_FORM.format(return_to="/admin"))

    form = await request.form()
    admin = await get_admin_by_email(form.get("email", ""))
    if admin is None or not argon2.verify(form.get("password", ""), admin.password_hash):
        return HTMLResponse("Invalid credentials", status_code=401)

    request.session["admin_id"] = admin.id
    await record_login(admin.id, request.client.host)
    target = _return_target(request, form)
    return RedirectResponse(url=target, status_code=303)  # VULN flow


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
