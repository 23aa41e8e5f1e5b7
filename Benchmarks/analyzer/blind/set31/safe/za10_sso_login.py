"""OAuth2 single sign-on flow for the customer portal."""
import logging
import os
import secrets
from urllib.parse import urlencode, urlparse

import requests
from flask import Blueprint, abort, current_app, redirect, request, session, url_for

bp = Blueprint("sso", __name__, url_prefix="/sso")
logger = logging.getLogger(__name__)

AUTHORIZE_URL = "https://id.example.com/oauth2/authorize"
TOKEN_URL = "https://id.example.com/oauth2/token"
USERINFO_URL = "https://id.example.com/oauth2/userinfo"


def _new_state():
    return secrets.token_urlsafe(32)


def _is_local_path(target):
    if not target or "\\" in target or any(ch.isspace() or ord(ch) < 32 for ch in target):
        return False
    parsed = urlparse(target)
    return not parsed.scheme and not parsed.netloc and target.startswith("/") and not target.startswith("//")


def _remember_next(target):
    session["sso_next"] = target if _is_local_path(target) else url_for("portal.home")


@bp.route("/login")
def login():
    _remember_next(request.args.get("next"))
    state = _new_state()
    session["sso_state"] = state
    params = {
        "response_type": "code",
        "client_id": current_app.config["SSO_CLIENT_ID"],
        "redirect_uri": url_for("sso.callback", _external=True),
        "scope": "openid email profile",
        "state": state,
    }
    return redirect(f"{AUTHORIZE_URL}?{urlencode(params)}")


@bp.route("/callback")
def callback():
    expected = session.pop("sso_state", None)
    if not expected or request.args.get("state") != expected:
        abort(400)
    token_resp = requests.post(
        TOKEN_URL,
        data={
            "grant_type": "authorization_code",
            "code": request.args.get("code", ""),
            "redirect_uri": url_for("sso.callback", _external=True),
            "client_id": current_app.config["SSO_CLIENT_ID"],
            "client_secret": os.environ["SSO_CLIENT_SECRET"],
        },
        timeout=10,
    )
    if token_resp.status_code != 200:
        abort(502)
    access_token = token_resp.json()["access_token"]
    profile = requests.get(
        USERINFO_URL,
        headers={"Authorization": f"Bearer {access_token}"},
        timeout=10,
    ).json()
    target = session.pop("sso_next", None)
    if not _is_local_path(target):
        target = url_for("portal.home")
    session["user_email"] = profile["email"]
    logger.info("sso login for %r", profile["email"])
    return redirect(target)
