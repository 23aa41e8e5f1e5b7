"""Login / logout for the customer self-service water portal (Bottle)."""
import hashlib
import hmac
import logging
import os
import sqlite3

from bottle import Bottle, redirect, request, response, template

app = Bottle()
log = logging.getLogger("portal.auth")

DB_PATH = os.environ.get("PORTAL_DB", "/var/lib/portal/accounts.db")
COOKIE_SECRET = os.environ["PORTAL_COOKIE_SECRET"]

LOGIN_TPL = """
<form method="post" action="/login">
  <input type="hidden" name="next" value="{{next_url}}">
  % if error:
  <p class="error">{{error}}</p>
  % end
  <label>Account number <input name="account"></label>
  <label>Password <input type="password" name="password"></label>
  <button>Sign in</button>
</form>
"""


def authenticate(account: str, password: str) -> bool:
    conn = sqlite3.connect(DB_PATH)
    try:
        row = conn.execute(
            "SELECT pw_salt, pw_hash FROM accounts WHERE account_no = ? AND active = 1",
            (account,),
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        return False
    salt, expected = row
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), 390000)
    return hmac.compare_digest(digest.hex(), expected)


@app.get("/login")
def login_form():
    next_url = request.query.get("next", "/account")
    return template(LOGIN_TPL, next_url=next_url, error=None)


@app.post("/login")
def do_login():
    account = request.forms.get("account", "").strip()
    password = request.forms.get("password", "")
    next_url = request.forms.get("next") or "/account"
    if not authenticate(account, password):
        log.info("failed login for account %r", account)
        response.status = 401
        return template(LOGIN_TPL, next_url=next_url, error="Invalid account or password")
    response.set_cookie("portal_session", account, secret=COOKIE_SECRET,
                        httponly=True, secure=True, samesite="lax", path="/")
    redirect(next_url)  # VULN flow


@app.get("/logout")
def logout():
    response.delete_cookie("portal_session", path="/")
    redirect(request.query.get("return_to") or "/")  # VULN


@app.get("/account")
def account_home():
    account = request.get_cookie("portal_session", secret=COOKIE_SECRET)
    if not account:
        redirect("/login?next=/account")
    return template("<h1>Account {{acct}}</h1>", acct=account)
