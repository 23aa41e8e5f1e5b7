"""Login flow for the print-shop customer portal (Starlette)."""
import html
import logging
import os

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

from portal.accounts import authenticate

log = logging.getLogger("portal.login")

DEFAULT_LANDING = "/dashboard"

LOGIN_FORM = """<!doctype html><html><body>
<h1>Sign in to Fernhill Print</h1>
<p class="error">{error}</p>
<form method="post" action="/login">
  <input type="hidden" name="next" value="{next}">
  <label>Email <input name="email" type="email"></label>
  <label>Password <input name="password" type="password"></label>
  <button>Sign in</button>
</form></body></html>"""


def login_page(next_url, error="", status_code=200):
    body = LOGIN_FORM.format(next=html.escape(next_url, quote=True), error=html.escape(error))
    return HTMLResponse(body, status_code=status_code)


def landing_for(form):
    return form.get("next") or DEFAULT_LANDING


async def login_form(request):
    if request.session.get("user_id"):
        return RedirectResponse(DEFAULT_LANDING, status_code=303)
    return login_page(request.query_params.get("next", DEFAULT_LANDING))


async def login_submit(request):
    form = await request.form()
    email = (form.get("email") or "").strip().lower()
    password = form.get("password") or ""
    user = await authenticate(email, password)
    if user is None:
        log.info("failed login for %r", email)
        return login_page(landing_for(form), "Invalid email or password", status_code=401)
    request.session.clear()
    request.session["user_id"] = user["id"]
    target = landing_for(form)
    log.info("user %d signed in", user["id"])
    return RedirectResponse(target, status_code=303)  # VULN flow


async def logout(request):
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


app = Starlette(
    routes=[
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login_submit, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
    ],
    middleware=[Middleware(SessionMiddleware, secret_key=os.environ["PORTAL_SESSION_SECRET"],
                           https_only=True, same_site="lax")],
)
