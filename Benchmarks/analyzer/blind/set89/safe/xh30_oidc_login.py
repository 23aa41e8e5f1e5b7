"""OIDC login flow for the notebook gateway (FastAPI, Keycloak realm `hpc`)."""
import os
import secrets
import time
from typing import Dict
from urllib.parse import urlencode, urlparse

import httpx
from fastapi import FastAPI, HTTPException
from fastapi.responses import RedirectResponse

ISSUER = os.environ.get("OIDC_ISSUER", "https://sso.hpc.example.edu/realms/hpc")
AUTH_URL = f"{ISSUER}/protocol/openid-connect/auth"
TOKEN_URL = f"{ISSUER}/protocol/openid-connect/token"
CLIENT_ID = "notebook-gateway"
CLIENT_SECRET = os.environ["OIDC_CLIENT_SECRET"]
REDIRECT_URI = os.environ.get("OIDC_REDIRECT_URI", "https://jupyter.hpc.example.edu/auth/callback")
STATE_TTL = 600
DEFAULT_RETURN = "/hub/home"

app = FastAPI()
_pending: Dict[str, dict] = {}
_sessions: Dict[str, dict] = {}


def _expire_pending() -> None:
    cutoff = time.time() - STATE_TTL
    for key in [k for k, v in _pending.items() if v["ts"] < cutoff]:
        _pending.pop(key, None)


def _local_path(target: str) -> str:
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return DEFAULT_RETURN
    return target


@app.get("/auth/login")
async def login(return_to: str = DEFAULT_RETURN):
    _expire_pending()
    state = secrets.token_urlsafe(24)
    _pending[state] = {"return_to": _local_path(return_to), "ts": time.time()}
    params = urlencode(
        {
            "client_id": CLIENT_ID,
            "response_type": "code",
            "scope": "openid profile groups",
            "redirect_uri": REDIRECT_URI,
            "state": state,
        }
    )
    return RedirectResponse(f"{AUTH_URL}?{params}")


@app.get("/auth/callback")
async def callback(code: str, state: str):
    entry = _pending.pop(state, None)
    if entry is None:
        raise HTTPException(status_code=400, detail="unknown or expired state")
    async with httpx.AsyncClient() as client:
        resp = await client.post(
            TOKEN_URL,
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": REDIRECT_URI,
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
            },
            timeout=10.0,
        )
    if resp.status_code != 200:
        raise HTTPException(status_code=502, detail="token exchange failed")
    sid = secrets.token_urlsafe(32)
    _sessions[sid] = {"tokens": resp.json(), "created": time.time()}
    response = RedirectResponse(_local_path(entry["return_to"]), status_code=303)
    response.set_cookie("gw_session", sid, httponly=True, secure=True, samesite="lax", max_age=8 * 3600)
    return response
