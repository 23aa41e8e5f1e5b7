"""GitHub OAuth login for the internal developer portal."""
import os
import secrets
import string
from urllib.parse import urlencode, urlparse

import requests
from flask import Flask, abort, redirect, request, session, url_for

app = Flask(__name__)
app.secret_key = os.environ["PORTAL_SESSION_KEY"]

GITHUB_CLIENT_ID = os.environ["GITHUB_CLIENT_ID"]
GITHUB_CLIENT_SECRET = os.environ["GITHUB_CLIENT_SECRET"]
ALLOWED_ORG = os.environ.get("GITHUB_ORG", "acme-platform")
HTTP_TIMEOUT = 8


def new_state(length: int = 24) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


def local_path(target: str) -> str:
    parts = urlparse(target.replace("\\", "/"))
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def exchange_code(code: str) -> str:
    resp = requests.post(
        "https://github.com/login/oauth/access_token",
        data={"client_id": GITHUB_CLIENT_ID, "client_secret": GITHUB_CLIENT_SECRET, "code": code},
        headers={"Accept": "application/json"},
        timeout=HTTP_TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def github_user(token: str) -> dict:
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json"}
    user = requests.get("https://api.github.com/user", headers=headers, timeout=HTTP_TIMEOUT).json()
    orgs = requests.get("https://api.github.com/user/orgs", headers=headers, timeout=HTTP_TIMEOUT).json()
    user["orgs"] = [o["login"] for o in orgs]
    return user


@app.route("/login")
def login():
    session["oauth_state"] = new_state()
    session["after_login"] = local_path(request.args.get("next", "/"))
    params = {
        "client_id": GITHUB_CLIENT_ID,
        "redirect_uri": url_for("callback", _external=True),
        "scope": "read:org",
        "state": session["oauth_state"],
    }
    return redirect("https://github.com/login/oauth/authorize?" + urlencode(params))


@app.route("/oauth/callback")
def callback():
    if request.args.get("state") != session.pop("oauth_state", None):
        abort(400)
    token = exchange_code(request.args["code"])
    user = github_user(token)
    if ALLOWED_ORG not in user["orgs"]:
        abort(403)

    session["user"] = {"login": user["login"], "name": user.get("name")}
    destination = local_path(session.pop("after_login", "/"))
    return redirect(destination)


@app.route("/logout")
def logout():
    session.clear()
    return redirect(url_for("login"))
