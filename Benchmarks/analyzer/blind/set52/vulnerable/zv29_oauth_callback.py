"""Starlette handlers for "Sign in with TravelID" on the holiday-rentals site."""
import base64
import json
import logging
import os
import secrets

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.routing import Route

log = logging.getLogger("oauth")

AUTHORIZE_URL = "https://id.travelid.example.com/oauth2/authorize"
TOKEN_URL = "https://id.travelid.example.com/oauth2/token"
CLIENT_ID = os.environ.get("TRAVELID_CLIENT_ID", "")
CLIENT_SECRET = os.environ.get("TRAVELID_CLIENT_SECRET", "")
CALLBACK = "https://rentals.example.com/auth/callback"


def encode_state(nonce: str, return_to: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"n": nonce, "r": return_to}).encode()).decode()


def decode_state(state: str) -> dict:
    try:
        return json.loads(base64.urlsafe_b64decode(state.encode()))
    except ValueError:
        return {}


async def start(request: Request):
    nonce = secrets.token_urlsafe(16)
    request.session["oauth_nonce"] = nonce
    state = encode_state(nonce, request.query_params.get("return_to", "/"))
    url = f"{AUTHORIZE_URL}?response_type=code&client_id={CLIENT_ID}&redirect_uri={CALLBACK}&state={state}"
    return RedirectResponse(url, status_code=302)


async def callback(request: Request):
    params = request.query_params
    if "error" in params:
        reason = params.get("error_description") or params["error"]
        return HTMLResponse(f"<h1>Sign-in failed</h1><p>{reason}</p><a href='/'>Back</a>", status_code=400)  # VULN flow

    state = decode_state(params.get("state", ""))
    if state.get("n") != request.session.pop("oauth_nonce", None):
        return HTMLResponse("<h1>Sign-in expired, please try again.</h1>", status_code=400)

    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(TOKEN_URL, data={
            "grant_type": "authorization_code", "code": params.get("code", ""),
            "redirect_uri": CALLBACK, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
        }, timeout=10)
    if resp.status_code != 200:
        log.warning("token exchange failed: %s", resp.status_code)
        return HTMLResponse("<h1>Sign-in failed</h1>", status_code=502)

    request.session["access_token"] = resp.json()["access_token"]
    return_to = state.get("r") or "/"
    return RedirectResponse(return_to, status_code=303)  # VULN flow


app = Starlette(routes=[
    Route("/auth/start", start),
    Route("/auth/callback", callback),
])
