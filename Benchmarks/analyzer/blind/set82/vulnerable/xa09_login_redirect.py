"""Owner portal login for the Maple Street Animal Hospital (Bottle)."""
import hashlib
import hmac
import logging
import os
import sqlite3

from bottle import Bottle, redirect, request, response, template

app = Bottle()
log = logging.getLogger("portal.auth")
DB_PATH = os.environ.get("PORTAL_DB", "portal.db")
COOKIE_SECRET = os.environ["PORTAL_COOKIE_SECRET"]

LOGIN_TPL = """
<h2>Pet owner login</h2>
% if error:
<p class="error">{{error}}</p>
% end
<form method="post" action="/login">
  <input type="hidden" name="next" value="{{next}}">
  <input name="email" placeholder="E-mail"> <input name="password" type="password">
  <button>Sign in</button>
</form>
"""


def authenticate(email: str, password: str):
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute(
            "SELECT id, pw_salt, pw_hash FROM owners WHERE email = ?", (email.lower(),)
        ).fetchone()
    if row is None:
        return None
    owner_id, salt, stored = row
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), 310_000)
    return owner_id if hmac.compare_digest(candidate.hex(), stored) else None


def post_login_target() -> str:
    target = request.forms.get("next") or request.query.get("next")
    return target or "/pets"


@app.get("/login")
def login_form():
    return template(LOGIN_TPL, error=None, next=request.query.get("next", "/pets"))


@app.post("/login")
def do_login():
    email = request.forms.get("email", "")
    password = request.forms.get("password", "")
    next_url = post_login_target()
    owner_id = authenticate(email, password)
    if owner_id is None:
        log.info("failed login for %r", email)
        return template(LOGIN_TPL, error="Invalid e-mail or password", next=next_url)
    response.set_cookie("owner", str(owner_id), secret=COOKIE_SECRET, httponly=True, secure=True)
    redirect(next_url)  # VULN flow


@app.get("/logout")
def logout():
    response.delete_cookie("owner")
    redirect(request.query.get("then") or "/login")  # VULN


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080)
