"""Contractor portal login for the mine site induction system (Bottle)."""
import hashlib
import hmac
import os
import sqlite3

from bottle import Bottle, redirect, request, response, template

app = Bottle()

DB_PATH = os.environ.get("PORTAL_DB", "/srv/portal/portal.db")
COOKIE_SECRET = os.environ["PORTAL_COOKIE_SECRET"]
DEFAULT_LANDING = "/inductions"

LOGIN_FORM = """<!doctype html>
<form method="post" action="/login">
  <input type="hidden" name="next" value="{{next_url}}">
  <label>Contractor ID <input name="username"></label>
  <label>Password <input name="password" type="password"></label>
  % if error:
  <p class="error">{{error}}</p>
  % end
  <button>Sign in</button>
</form>
"""


def check_password(username: str, password: str) -> bool:
    conn = sqlite3.connect(DB_PATH)
    try:
        row = conn.execute(
            "SELECT salt, pw_hash FROM contractors WHERE username = ? AND active = 1",
            (username,),
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        return False
    salt, stored = row
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), 200_000)
    return hmac.compare_digest(candidate.hex(), stored)


def post_login_target() -> str:
    return request.forms.get("next") or request.query.get("next") or DEFAULT_LANDING


@app.get("/login")
def login_form():
    return template(LOGIN_FORM, next_url=request.query.get("next", DEFAULT_LANDING), error="")


@app.post("/login")
def do_login():
    username = request.forms.get("username", "")
    password = request.forms.get("password", "")
    if not check_password(username, password):
        response.status = 401
        return template(LOGIN_FORM, next_url=post_login_target(), error="Invalid credentials")
    response.set_cookie("portal_user", username, secret=COOKIE_SECRET, path="/",
                        httponly=True, secure=True, samesite="lax")
    target = post_login_target()
    redirect(target)  # VULN flow


@app.get("/logout")
def logout():
    response.delete_cookie("portal_user", path="/")
    redirect(request.query.get("return_to", "/login"))  # VULN


@app.get("/inductions")
def inductions():
    user = request.get_cookie("portal_user", secret=COOKIE_SECRET)
    if not user:
        redirect("/login?next=/inductions")
    return {"user": user, "pending": []}
