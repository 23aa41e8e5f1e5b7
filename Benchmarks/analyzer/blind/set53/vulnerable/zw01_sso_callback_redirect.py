"""OIDC login front door for the internal SSO gateway.

Every internal tool sits behind the gateway. Unauthenticated requests are
bounced to /sso/login?next=<original url> and come back via /sso/callback.
"""
import logging
import os
import secrets
from urllib.parse import urlencode

from flask import Flask, abort, redirect, request, session, url_for

from gateway.idp import IdpError, exchange_code

app = Flask(__name__)
app.secret_key = os.environ["GATEWAY_SESSION_KEY"]
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_SAMESITE="Lax")

log = logging.getLogger("sso.gateway")

IDP_AUTHORIZE_URL = os.environ.get("IDP_AUTHORIZE_URL", "https://idp.example.com/oauth2/authorize")
CLIENT_ID = os.environ.get("SSO_CLIENT_ID", "sso-gateway")
DEFAULT_LANDING = "/portal/"


def _remember_destination(target):
    """Stash where the user wanted to go so we can send them back after login."""
    if target:
        session["sso_return_to"] = target


def _authorize_url(state):
    params = {
        "client_id": CLIENT_ID,
        "response_type": "code",
        "scope": "openid profile groups",
        "state": state,
        "redirect_uri": url_for("sso_callback", _external=True),
    }
    return f"{IDP_AUTHORIZE_URL}?{urlencode(params)}"


@app.route("/sso/login")
def sso_login():
    _remember_destination(request.args.get("next"))
    state = secrets.token_urlsafe(24)
    session["sso_state"] = state
    return redirect(_authorize_url(state))


@app.route("/sso/callback")
def sso_callback():
    expected = session.pop("sso_state", None)
    if not expected or request.args.get("state") != expected:
        abort(400)
    try:
        identity = exchange_code(request.args["code"], timeout=10)
    except (KeyError, IdpError) as exc:
        log.warning("code exchange failed: %s", exc)
        abort(502)

    session["user"] = identity.subject
    session["groups"] = list(identity.groups)
    destination = session.pop("sso_return_to", DEFAULT_LANDING)
    log.info("sso login ok user=%r", identity.subject)
    return redirect(destination)  # VULN flow


@app.route("/sso/logout")
def sso_logout():
    user = session.get("user", "-")
    reason = request.args.get("reason", "user")
    log.info("sso logout user=%s reason=%s", user, reason)  # VULN flow
    session.clear()
    return redirect(DEFAULT_LANDING)
