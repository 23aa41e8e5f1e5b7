"""OAuth2 login with the company identity provider (FastAPI)."""
import base64
import hmac
import json
import os
import secrets
from urllib.parse import urlencode

import httpx
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse

app = FastAPI()

IDP_AUTHORIZE = "https://login.example-idp.com/oauth2/authorize"
IDP_TOKEN = "https://login.example-idp.com/oauth2/token"
CLIENT_ID = os.environ["OAUTH_CLIENT_ID"]
CLIENT_SECRET = os.environ["OAUTH_CLIENT_SECRET"]
CALLBACK_URL = os.environ.get("OAUTH_CALLBACK_URL", "https://portal.example.com/auth/callback")


def pack_state(nonce, return_to):
    raw = json.dumps({"n": nonce, "r": return_to}).encode()
    return base64.urlsafe_b64encode(raw).decode()


def unpack_state(state):
    return json.loads(base64.urlsafe_b64decode(state.encode()))


@app.get("/auth/login")
async def start_login(return_to: str = "/"):
    nonce = secrets.token_urlsafe(24)
    params = {"client_id": CLIENT_ID, "response_type": "code", "scope": "openid profile email",
              "redirect_uri": CALLBACK_URL, "state": pack_state(nonce, return_to)}
    resp = RedirectResponse(f"{IDP_AUTHORIZE}?{urlencode(params)}")
    resp.set_cookie("oauth_nonce", nonce, httponly=True, secure=True, samesite="lax", max_age=600)
    return resp


@app.get("/auth/callback")
async def callback(request: Request, code: str, state: str):
    try:
        data = unpack_state(state)
    except ValueError:
        raise HTTPException(status_code=400, detail="bad state")
    if not hmac.compare_digest(str(data.get("n", "")), request.cookies.get("oauth_nonce", "")):
        raise HTTPException(status_code=400, detail="state mismatch")
    async with httpx.AsyncClient(timeout=10) as client:
        token_resp = await client.post(IDP_TOKEN, data={
            "grant_type": "authorization_code", "code": code, "redirect_uri": CALLBACK_URL,
            "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET})
    if token_resp.status_code != 200:
        raise HTTPException(status_code=502, detail="token exchange failed")
    session_id = await request.app.state.sessions.create(token_resp.json())
    destination = data.get("r") or "/"
    resp = RedirectResponse(destination, status_code=303)  # VULN flow
    resp.set_cookie("sid", session_id, httponly=True, secure=True, samesite="lax")
    resp.delete_cookie("oauth_nonce")
    return resp
