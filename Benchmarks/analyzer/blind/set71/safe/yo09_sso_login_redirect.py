"""Login front door for the team calendar (Bottle).

After a successful password check we bounce the user back to whatever
page sent them to /login, e.g. a shared event link.
"""
import logging
import os
import secrets
from urllib.parse import urlparse

import bottle
from bottle import redirect, request, response, template

from calendar_users import UserStore

app = bottle.Bottle()
log = logging.getLogger("calendar.login")
users = UserStore("sqlite:///calendar.db")

COOKIE_SECRET = os.environ["CALENDAR_COOKIE_SECRET"]
SESSION_TTL = 8 * 3600

LOGIN_FORM = """
<form method="post" action="/login">
  <input type="hidden" name="next" value="{{next_url}}">
  <input name="email" placeholder="Email">
  <input name="password" type="password">
  <button>Sign in</button>
  % if error:
  <p class="err">{{error}}</p>
  % end
</form>
"""


def landing_for(next_url: str) -> str:
    if not next_url:
        return "/calendar"
    parsed = urlparse(next_url)
    if parsed.scheme or parsed.netloc or not next_url.startswith("/") or next_url.startswith("//") or "\\" in next_url:
        return "/calendar"
    return next_url


@app.get("/login")
def login_form():
    return template(LOGIN_FORM, next_url=request.query.get("next", ""), error=None)


@app.post("/login")
def login_submit():
    email = request.forms.get("email", "").strip().lower()
    password = request.forms.get("password", "")
    target = landing_for(request.forms.get("next", ""))
    user = users.authenticate(email, password)
    if user is None:
        log.info("failed login for user id lookup")
        return template(LOGIN_FORM, next_url=target, error="Invalid email or password")
    sid = secrets.token_hex(32)
    users.store_session(sid, user.id, ttl=SESSION_TTL)
    response.set_cookie("cal_sid", sid, secret=COOKIE_SECRET, httponly=True, max_age=SESSION_TTL, path="/")
    redirect(target)


@app.get("/logout")
def logout():
    sid = request.get_cookie("cal_sid", secret=COOKIE_SECRET)
    if sid:
        users.drop_session(sid)
    response.delete_cookie("cal_sid", path="/")
    redirect(landing_for(request.query.get("next") or "/login"))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8080)
