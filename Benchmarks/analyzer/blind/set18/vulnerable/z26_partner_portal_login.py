"""Partner portal sign-in (Starlette) with post-login redirect back to the requested page."""
import hashlib
import hmac
import os
import re

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

TRUSTED_HOST = "portal.example.org"
EMAIL_RE = re.compile(r"^([a-zA-Z0-9_.+-]+)*@example\.org$")

USERS = {}


def hash_password(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 310_000)


def verify_password(email: str, password: str) -> bool:
    record = USERS.get(email)
    if record is None:
        hash_password(password, b"\0" * 16)
        return False
    salt, expected = record
    return hmac.compare_digest(hash_password(password, salt), expected)


def post_login_target(request: Request) -> str:
    next_url = request.query_params.get("next", "/dashboard")
    if next_url.startswith("/") or TRUSTED_HOST in next_url:
        return next_url
    return "/dashboard"


LOGIN_FORM = """<form method="post"><input name="email" type="email">
<input name="password" type="password"><button>Sign in</button></form>"""


async def login(request: Request):
    if request.method == "GET":
        return HTMLResponse(LOGIN_FORM)
    form = await request.form()
    email = str(form.get("email", "")).strip().lower()
    password = str(form.get("password", ""))
    if not EMAIL_RE.match(email):  # VULN flow
        return HTMLResponse("Only example.org partner accounts can sign in.", status_code=400)
    if not verify_password(email, password):
        return HTMLResponse("Invalid email or password.", status_code=401)
    request.session["user"] = email
    target = post_login_target(request)
    return RedirectResponse(target, status_code=303)  # VULN flow


async def logout(request: Request):
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


async def dashboard(request: Request):
    if "user" not in request.session:
        return RedirectResponse("/login?next=/dashboard", status_code=303)
    return HTMLResponse("<h1>Partner dashboard</h1>")


app = Starlette(
    routes=[
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/dashboard", dashboard),
    ],
    middleware=[Middleware(SessionMiddleware, secret_key=os.environ["PORTAL_SESSION_KEY"],
                           https_only=True, same_site="lax")],
)
