"""Developer portal login via the company SSO (OAuth2 authorization code)."""
import hmac
import os
import secrets
from urllib.parse import urlencode

import requests
from flask import Flask, abort, redirect, request, session, url_for

app = Flask(__name__)
app.secret_key = os.environ["PORTAL_SECRET_KEY"]

SSO = os.environ.get("SSO_BASE", "https://sso.example.com")
CLIENT_ID = os.environ["SSO_CLIENT_ID"]
CLIENT_SECRET = os.environ["SSO_CLIENT_SECRET"]


def exchange_code(code: str) -> str:
    resp = requests.post(
        f"{SSO}/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": url_for("callback", _external=True),
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        },
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def fetch_profile(token: str) -> dict:
    resp = requests.get(f"{SSO}/userinfo", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    resp.raise_for_status()
    return resp.json()


@app.get("/login")
def login():
    session["return_to"] = request.args.get("return_to", "/")
    state = secrets.token_urlsafe(24)
    session["oauth_state"] = state
    params = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": url_for("callback", _external=True),
        "scope": "openid email profile",
        "state": state,
    }
    return redirect(f"{SSO}/oauth/authorize?{urlencode(params)}")


@app.get("/oauth/callback")
def callback():
    expected = session.pop("oauth_state", None)
    if not expected or not hmac.compare_digest(expected, request.args.get("state", "")):
        abort(400)
    try:
        profile = fetch_profile(exchange_code(request.args["code"]))
    except (KeyError, requests.RequestException):
        abort(502)
    session["user"] = {"sub": profile["sub"], "email": profile.get("email")}
    destination = session.pop("return_to", "/")
    return redirect(destination)  # VULN flow


@app.get("/logout")
def logout():
    session.clear()
    return redirect("/")
