"""OIDC login flow for the payroll admin console."""
import os
import secrets
from urllib.parse import urlencode

import requests
from flask import Flask, abort, redirect, request, session

app = Flask(__name__)
app.secret_key = os.environ["CONSOLE_SESSION_KEY"]

IDP_BASE = os.environ.get("IDP_BASE", "https://login.corp.example.com")
CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "payroll-console")
CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
CALLBACK_URL = os.environ.get("OIDC_CALLBACK", "https://payroll.corp.example.com/sso/callback")


def build_authorize_url(state: str) -> str:
    query = urlencode({
        "client_id": CLIENT_ID,
        "response_type": "code",
        "scope": "openid email profile",
        "redirect_uri": CALLBACK_URL,
        "state": state,
    })
    return f"{IDP_BASE}/oauth2/authorize?{query}"


def exchange_code(code: str) -> dict:
    token_resp = requests.post(
        f"{IDP_BASE}/oauth2/token",
        data={"grant_type": "authorization_code", "code": code, "redirect_uri": CALLBACK_URL},
        auth=(CLIENT_ID, CLIENT_SECRET),
        timeout=10,
    )
    token_resp.raise_for_status()
    access_token = token_resp.json()["access_token"]
    info = requests.get(f"{IDP_BASE}/oauth2/userinfo",
                        headers={"Authorization": f"Bearer {access_token}"}, timeout=10)
    info.raise_for_status()
    return info.json()


@app.get("/login")
def login():
    session["post_login"] = request.args.get("next", "/")
    state = secrets.token_urlsafe(24)
    session["oauth_state"] = state
    return redirect(build_authorize_url(state))


@app.get("/sso/callback")
def sso_callback():
    expected = session.pop("oauth_state", None)
    if not expected or request.args.get("state") != expected:
        abort(400)
    code = request.args.get("code")
    if not code:
        abort(400)
    profile = exchange_code(code)
    session["user"] = profile.get("email")
    session["groups"] = profile.get("groups", [])
    target = session.pop("post_login", "/")
    return redirect(target)  # VULN flow


@app.get("/logout")
def logout():
    session.clear()
    return redirect("/")
