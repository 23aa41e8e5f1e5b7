"""Login front door for the dispatcher web portal."""
import logging
import os

from bottle import Bottle, redirect, request, response, template

from psap_auth import SessionStore, verify_credentials

app = Bottle()
log = logging.getLogger("portal.login")

SESSION_COOKIE = "psap_session"
sessions = SessionStore(os.environ.get("SESSION_REDIS_URL", "redis://localhost:6379/3"))

LOGIN_FORM = """
<form method="post" action="/login">
  % if error:
  <p class="error">{{error}}</p>
  % end
  <input name="username" placeholder="Dispatcher ID">
  <input name="password" type="password">
  <input type="hidden" name="next" value="{{next}}">
  <button>Sign in</button>
</form>
"""


@app.get("/login")
def login_form():
    return template(LOGIN_FORM, error=None, next=request.query.get("next", "/board"))


@app.post("/login")
def do_login():
    username = request.forms.get("username", "").strip()
    password = request.forms.get("password", "")
    next_url = request.forms.get("next") or "/board"

    user = verify_credentials(username, password)
    if user is None:
        log.info("failed login for dispatcher %r", username)
        return template(LOGIN_FORM, error="Invalid credentials", next=next_url)

    token = sessions.create(user.id)
    response.set_cookie(SESSION_COOKIE, token, httponly=True, secure=True, samesite="lax")
    redirect(next_url)  # VULN flow


@app.get("/logout")
def logout():
    token = request.get_cookie(SESSION_COOKIE)
    if token:
        sessions.revoke(token)
    response.delete_cookie(SESSION_COOKIE)
    redirect(request.query.get("return_to") or "/login")  # VULN


@app.get("/board")
def board():
    token = request.get_cookie(SESSION_COOKIE)
    if not token or sessions.lookup(token) is None:
        redirect("/login?next=/board")
    return "dispatch board"
