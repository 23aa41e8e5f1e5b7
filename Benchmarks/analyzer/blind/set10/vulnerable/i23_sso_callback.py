import os
import secrets
from urllib.parse import urlencode

import requests
from flask import Flask, request, session, redirect, abort

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")

IDP = "https://login.example-idp.com"
CLIENT_ID = "intranet-portal"
CLIENT_SECRET = "b7e4c1f09a2d4e86a3f5c7d9e1b20468"  # VULN
REDIRECT_URI = "https://portal.example.com/sso/callback"


@app.get("/sso/login")
def sso_login():
    state = secrets.token_urlsafe(24)
    session["oauth_state"] = state
    session["post_login"] = request.args.get("next", "/")
    params = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT_URI,
        "scope": "openid email profile",
        "state": state,
    }
    return redirect(f"{IDP}/authorize?{urlencode(params)}")


@app.get("/sso/callback")
def sso_callback():
    expected = session.pop("oauth_state", None)
    if not expected or not secrets.compare_digest(expected, request.args.get("state", "")):
        abort(400)
    token_resp = requests.post(
        f"{IDP}/token",
        data={
            "grant_type": "authorization_code",
            "code": request.args.get("code", ""),
            "redirect_uri": REDIRECT_URI,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        },
        timeout=10,
    )
    if token_resp.status_code != 200:
        abort(401)
    access_token = token_resp.json()["access_token"]
    info = requests.get(f"{IDP}/userinfo", headers={"Authorization": f"Bearer {access_token}"}, timeout=10).json()
    target = session.pop("post_login", "/")
    session["user"] = {"sub": info["sub"], "email": info.get("email"), "name": info.get("name")}
    return redirect(target)  # VULN flow
