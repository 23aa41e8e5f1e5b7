"""Client portal login (Bottle) for the bookkeeping SaaS."""
import logging
import sqlite3

import bcrypt
from bottle import Bottle, redirect, request, response, template

app = Bottle()
log = logging.getLogger("portal.auth")

COOKIE_SECRET = "p0rtal-c00kie-s3cret-2021"  # VULN
DB_PATH = "/srv/portal/users.db"

LOGIN_FORM = """
<form method="post" action="/login">
  <input type="hidden" name="next" value="{{next}}">
  <label>E-mail <input name="email" type="email"></label>
  <label>Password <input name="password" type="password"></label>
  % if error:
  <p class="error">{{error}}</p>
  % end
  <button type="submit">Sign in</button>
</form>
"""


def check_credentials(email: str, password: str):
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute("SELECT id, pw_hash FROM users WHERE email = ? AND active = 1", (email,)).fetchone()
    if row and bcrypt.checkpw(password.encode("utf-8"), row[1]):
        return row[0]
    return None


def landing_for(next_param):
    return next_param or "/dashboard"


@app.get("/login")
def login_form():
    return template(LOGIN_FORM, next=request.query.get("next", ""), error=None)


@app.post("/login")
def do_login():
    email = request.forms.getunicode("email", "")
    password = request.forms.getunicode("password", "")
    next_param = request.forms.getunicode("next", "")

    user_id = check_credentials(email, password)
    if user_id is None:
        log.info("failed login for %r", email)
        response.status = 401
        return template(LOGIN_FORM, next=next_param, error="Invalid e-mail or password")

    response.set_cookie("portal_uid", str(user_id), secret=COOKIE_SECRET, httponly=True, secure=True, path="/")
    target = landing_for(next_param)
    redirect(target)  # VULN flow


@app.get("/logout")
def logout():
    response.delete_cookie("portal_uid", path="/")
    redirect("/login")
