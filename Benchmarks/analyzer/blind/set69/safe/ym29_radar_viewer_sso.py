"""SSO entry point for the weather radar / lightning viewer used in the OCC.

The viewer is embedded in several internal tools; each one sends the user
here with the page to come back to, encoded in the OAuth ``state``.
"""
import base64
import json
import os
import secrets
from urllib.parse import urlencode, urlsplit

import httpx
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse

app = FastAPI(title="radar-viewer-sso")

IDP_AUTHORIZE = "https://sso.example-air.com/oauth2/authorize"
IDP_TOKEN = "https://sso.example-air.com/oauth2/token"
CLIENT_ID = os.environ.get("RADAR_CLIENT_ID", "radar-viewer")
CLIENT_SECRET = os.environ.get("RADAR_CLIENT_SECRET", "")
CALLBACK = "https://radar.occ.example-air.com/sso/callback"


def encode_state(return_to: str) -> str:
    raw = json.dumps({"n": secrets.token_urlsafe(16), "r": return_to}).encode()
    return base64.urlsafe_b64encode(raw).decode()


def decode_state(state: str) -> dict:
    try:
        return json.loads(base64.urlsafe_b64decode(state.encode()))
    except (ValueError, TypeError):
        raise HTTPException(status_code=400, detail="bad state")


def local_path(target: str) -> str:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") \
            or "\\" in target:
        return "/radar"
    return target


@app.get("/sso/login")
async def login(return_to: str = "/radar"):
    state = encode_state(local_path(return_to))
    params = {"client_id": CLIENT_ID, "response_type": "code", "scope": "openid profile",
              "redirect_uri": CALLBACK, "state": state}
    response = RedirectResponse(f"{IDP_AUTHORIZE}?{urlencode(params)}", status_code=302)
    response.set_cookie("sso_state", state, httponly=True, secure=True, samesite="lax")
    return response


@app.get("/sso/callback")
async def callback(request: Request, code: str, state: str):
    if not secrets.compare_digest(request.cookies.get("sso_state", ""), state):
        raise HTTPException(status_code=400, detail="state mismatch")
    async with httpx.AsyncClient() as client:
        resp = await client.post(IDP_TOKEN, data={
            "grant_type": "authorization_code", "code": code, "redirect_uri": CALLBACK,
            "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
        }, timeout=10.0)
    if resp.status_code != 200:
        raise HTTPException(status_code=401, detail="token exchange failed")
    target = local_path(decode_state(state).get("r") or "/radar")
    response = RedirectResponse(target, status_code=303)
    response.set_cookie("radar_session", resp.json()["id_token"], httponly=True, secure=True)
    response.delete_cookie("sso_state")
    return response
