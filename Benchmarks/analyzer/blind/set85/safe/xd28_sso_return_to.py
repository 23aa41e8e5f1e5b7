"""Campus SSO login/logout for the course portal (Starlette)."""
import logging
import os
import secrets
from urllib.parse import urlparse

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.routing import Route

from portal.sso import SSOClient

log = logging.getLogger("portal.sso")

sso = SSOClient(
    issuer=os.environ["SSO_ISSUER"],
    client_id=os.environ["SSO_CLIENT_ID"],
    client_secret=os.environ["SSO_CLIENT_SECRET"],
    redirect_uri=os.environ["SSO_REDIRECT_URI"],
)


def local_path(url: str | None, default: str) -> str:
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return default
    parsed = urlparse(url)
    if parsed.scheme or parsed.netloc:
        return default
    return url


def remember_return_to(request: Request) -> None:
    next_url = request.query_params.get("next")
    if next_url:
        request.session["return_to"] = local_path(next_url, "/dashboard")


async def login(request: Request):
    remember_return_to(request)
    state = secrets.token_urlsafe(24)
    request.session["sso_state"] = state
    return RedirectResponse(sso.authorization_url(state=state), status_code=302)


async def callback(request: Request):
    expected = request.session.pop("sso_state", None)
    if not expected or not secrets.compare_digest(expected, request.query_params.get("state", "")):
        return PlainTextResponse("invalid state", status_code=400)
    identity = await sso.exchange_code(request.query_params.get("code", ""))
    request.session["user"] = {"sub": identity["sub"], "name": identity.get("name", "")}
    destination = local_path(request.session.pop("return_to", None), "/dashboard")
    return RedirectResponse(destination, status_code=303)


async def logout(request: Request):
    next_url = local_path(request.query_params.get("next"), "/")
    user = request.session.get("user")
    request.session.clear()
    if user:
        log.info("logout sub=%s", user["sub"])
    return RedirectResponse(next_url, status_code=303)


app = Starlette(
    routes=[
        Route("/auth/login", login),
        Route("/auth/callback", callback),
        Route("/auth/logout", logout),
    ],
    middleware=[Middleware(SessionMiddleware, secret_key=os.environ["PORTAL_SESSION_KEY"], https_only=True)],
)
