"""Bottle front end for the course registration SSO handshake."""
import logging
import os
import secrets
import time
from urllib.parse import urlsplit

import bottle
import requests
from bottle import request, response

log = logging.getLogger("registration.sso")
app = bottle.Bottle()

CAS_BASE = os.environ.get("CAS_BASE", "https://login.campus.example.edu/cas")
SERVICE_URL = os.environ.get("REG_SERVICE_URL", "https://register.campus.example.edu/login/callback")
PORTAL_HOME = "/registration/home"
SESSION_COOKIE = "reg_session"
COOKIE_SECRET = os.environ["REG_COOKIE_SECRET"]
SESSION_TTL = 8 * 3600

_sessions: dict = {}


def validate_ticket(ticket: str):
    if not ticket:
        return None
    resp = requests.get(
        f"{CAS_BASE}/p3/serviceValidate",
        params={"ticket": ticket, "service": SERVICE_URL, "format": "JSON"},
        timeout=5,
    )
    resp.raise_for_status()
    body = resp.json().get("serviceResponse", {})
    success = body.get("authenticationSuccess")
    return success.get("user") if success else None


def _landing_target(default: str = PORTAL_HOME) -> str:
    target = request.query.get("next") or request.forms.get("next")
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") \
            or target.startswith("//") or "\\" in target:
        return default
    return target


def _issue_session(netid: str) -> str:
    sid = secrets.token_urlsafe(32)
    _sessions[sid] = {"netid": netid, "issued": time.time()}
    return sid


@app.get("/login")
def login_form():
    return bottle.template("login", next=_landing_target(), cas_base=CAS_BASE)


@app.post("/login/callback")
def sso_callback():
    netid = validate_ticket(request.forms.get("ticket", ""))
    if not netid:
        bottle.abort(401, "SSO ticket rejected")
    sid = _issue_session(netid)
    response.set_cookie(SESSION_COOKIE, sid, secret=COOKIE_SECRET,
                        httponly=True, secure=True, path="/", max_age=SESSION_TTL)
    destination = _landing_target()
    log.info("login ok for %r", netid)
    bottle.redirect(destination)


@app.get("/logout")
def logout():
    sid = request.get_cookie(SESSION_COOKIE, secret=COOKIE_SECRET)
    if sid:
        _sessions.pop(sid, None)
    response.delete_cookie(SESSION_COOKIE, path="/")
    bottle.redirect(PORTAL_HOME)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    bottle.run(app, host="127.0.0.1", port=8082)
