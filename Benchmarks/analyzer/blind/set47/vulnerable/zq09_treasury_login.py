"""Login flow for the corporate treasury portal (Bottle)."""
import logging
import os

from bottle import Bottle, redirect, request, response, template

from treasury.auth import authenticate, issue_session, revoke_session

app = Bottle()
log = logging.getLogger("treasury.login")

COOKIE_SECRET = os.environ["PORTAL_COOKIE_SECRET"]
DEFAULT_LANDING = "/dashboard"
TARGET_COOKIE = "post_login"

LOGIN_FORM = """<!doctype html>
<html><body>
<h2>Treasury portal sign-in</h2>
% if error:
<p class="error">{{error}}</p>
% end
<form method="post" action="/login">
  <input name="username" placeholder="User ID">
  <input name="password" type="password" placeholder="Password">
  <button type="submit">Sign in</button>
</form>
</body></html>"""


def remember_target() -> None:
    nxt = request.query.get("next")
    if nxt:
        response.set_cookie(TARGET_COOKIE, nxt, secret=COOKIE_SECRET, httponly=True,
                            secure=True, path="/login", max_age=600)


def landing_target() -> str:
    target = request.get_cookie(TARGET_COOKIE, secret=COOKIE_SECRET)
    return target or DEFAULT_LANDING


@app.get("/login")
def login_form():
    remember_target()
    return template(LOGIN_FORM, error=None)


@app.post("/login")
def login_submit():
    username = request.forms.get("username", "")
    password = request.forms.get("password", "")
    user = authenticate(username, password)
    if user is None:
        log.info("failed sign-in for %r from %s", username, request.remote_addr)
        return template(LOGIN_FORM, error="Invalid credentials")
    issue_session(response, user)
    target = landing_target()
    response.delete_cookie(TARGET_COOKIE, path="/login")
    log.info("user %r signed in", user.user_id)
    redirect(target)  # VULN flow


@app.get("/logout")
def logout():
    revoke_session(request, response)
    redirect(request.query.get("return_to") or "/login")  # VULN


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080)
