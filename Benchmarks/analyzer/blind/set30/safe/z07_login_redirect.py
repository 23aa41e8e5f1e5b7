"""Login and preferences endpoints for the internal wiki (Bottle)."""
import base64
import binascii
import json
import logging
from urllib.parse import urlsplit

from bottle import Bottle, redirect, request, response, template

from wiki.auth import authenticate, issue_session

log = logging.getLogger("wiki.login")
app = Bottle()

DEFAULT_PREFS = {"theme": "light", "editor": "markdown", "page_size": 25}

LOGIN_FORM = """
<form method="post" action="/login">
  <input type="hidden" name="next" value="{{next}}">
  % if error:
  <p class="error">{{error}}</p>
  % end
  <input name="username" autocomplete="username">
  <input name="password" type="password" autocomplete="current-password">
  <button type="submit">Sign in</button>
</form>
"""


def _safe_next(target):
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in target):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target


def load_prefs():
    raw = request.get_cookie("prefs")
    if not raw:
        return dict(DEFAULT_PREFS)
    try:
        stored = json.loads(base64.urlsafe_b64decode(raw))
    except (binascii.Error, ValueError, TypeError):
        return dict(DEFAULT_PREFS)
    prefs = dict(DEFAULT_PREFS)
    if isinstance(stored, dict):
        prefs.update({k: v for k, v in stored.items() if k in DEFAULT_PREFS and isinstance(v, (str, int))})
    return prefs


@app.get("/login")
def show_login():
    return template(LOGIN_FORM, next=_safe_next(request.query.getunicode("next", "/")), error=None)


@app.post("/login")
def do_login():
    username = request.forms.getunicode("username", "")
    password = request.forms.getunicode("password", "")
    user = authenticate(username, password)
    if user is None:
        log.info("failed login for %r", username)
        response.status = 401
        return template(LOGIN_FORM, next=_safe_next(request.forms.getunicode("next", "/")), error="Invalid credentials")
    response.set_cookie("session", issue_session(user), httponly=True, secure=True, samesite="lax", path="/")
    redirect(_safe_next(request.forms.getunicode("next")))


@app.post("/prefs")
def save_prefs():
    prefs = load_prefs()
    theme = request.forms.getunicode("theme")
    if theme in ("light", "dark"):
        prefs["theme"] = theme
    encoded = base64.urlsafe_b64encode(json.dumps(prefs).encode("utf-8")).decode("ascii")
    response.set_cookie("prefs", encoded, httponly=True, secure=True, samesite="lax", path="/")
    return {"prefs": prefs}
