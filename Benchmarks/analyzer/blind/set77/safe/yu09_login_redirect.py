"""Login/logout for the TaskNest freelancer portal (Bottle)."""
import hashlib
import hmac
import logging
import os
import secrets
from urllib.parse import urlsplit

from bottle import Bottle, request, response, redirect, template

app = Bottle()
log = logging.getLogger("auth")

COOKIE_SECRET = os.environ["TASKNEST_COOKIE_SECRET"]
SESSIONS: dict[str, int] = {}

# email -> (user_id, salt_hex, pbkdf2_hex); the real store is Postgres
USERS = {}

LOGIN_FORM = """
<form method="post" action="/login?next={{next}}">
  <input name="email" type="email"><input name="password" type="password">
  <button>Sign in</button>
</form>
"""


def check_password(email: str, password: str):
    record = USERS.get(email.lower())
    if record is None:
        return None
    user_id, salt_hex, expected = record
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt_hex), 310_000)
    return user_id if hmac.compare_digest(digest.hex(), expected) else None


def local_path(target: str | None, default: str = "/dashboard") -> str:
    if not target or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def start_session(user_id: int) -> None:
    sid = secrets.token_urlsafe(32)
    SESSIONS[sid] = user_id
    response.set_cookie("sid", sid, secret=COOKIE_SECRET, httponly=True, secure=True, samesite="lax")


@app.get("/login")
def login_form():
    return template(LOGIN_FORM, next=request.query.get("next", "/dashboard"))


@app.post("/login")
def do_login():
    email = request.forms.get("email", "")
    user_id = check_password(email, request.forms.get("password", ""))
    if user_id is None:
        log.info("failed login")
        response.status = 401
        return template(LOGIN_FORM, next=request.query.get("next", "/dashboard"))
    start_session(user_id)
    target = request.query.get("next") or request.forms.get("next") or "/dashboard"
    redirect(local_path(target))


@app.get("/logout")
def logout():
    sid = request.get_cookie("sid", secret=COOKIE_SECRET)
    if sid:
        SESSIONS.pop(sid, None)
    response.delete_cookie("sid")
    redirect(local_path(request.query.get("return_to", "/"), default="/"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8081)
