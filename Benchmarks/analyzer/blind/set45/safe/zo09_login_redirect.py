"""Sign-in pages for the learner portal (Starlette)."""
import hashlib
import hmac
import logging
import os
from urllib.parse import urlparse

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

log = logging.getLogger("portal.auth")
DEFAULT_LANDING = "/dashboard"

LOGIN_FORM = """<form method="post" action="/login">
<input type="hidden" name="next" value="{next}">
<input name="username"><input name="password" type="password"><button>Sign in</button>
</form>"""


async def lookup_user(request: Request, username: str):
    return await request.app.state.users.get_by_username(username)


def password_matches(user, password: str) -> bool:
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(user.salt), 310_000)
    return hmac.compare_digest(digest.hex(), user.password_hash)


def landing_for(request: Request, candidate: str, fallback: str = DEFAULT_LANDING) -> str:
    if not candidate:
        return fallback
    parsed = urlparse(candidate.replace("\\", "/"))
    if parsed.scheme or parsed.netloc or not candidate.startswith("/") or candidate.startswith("//"):
        return fallback
    return candidate


async def login_page(request: Request):
    from html import escape
    nxt = escape(request.query_params.get("next", ""), quote=True)
    return HTMLResponse(LOGIN_FORM.format(next=nxt))


async def login_submit(request: Request):
    form = await request.form()
    username = form.get("username", "")
    user = await lookup_user(request, username)
    if user is None or not password_matches(user, form.get("password", "")):
        return HTMLResponse("Invalid credentials", status_code=401)
    request.session["uid"] = user.id
    target = landing_for(request, form.get("next", ""))
    return RedirectResponse(url=target, status_code=303)


async def logout(request: Request):
    request.session.clear()
    return_to = landing_for(request, request.query_params.get("return_to", ""), fallback="/login")
    return RedirectResponse(return_to, status_code=303)


routes = [
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login_submit, methods=["POST"]),
    Route("/logout", logout, methods=["GET"]),
]

app = Starlette(
    routes=routes,
    middleware=[Middleware(SessionMiddleware, secret_key=os.environ["PORTAL_SESSION_KEY"], https_only=True)],
)
