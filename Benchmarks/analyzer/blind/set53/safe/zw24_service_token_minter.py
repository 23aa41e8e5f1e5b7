"""Service-to-service tokens for internal platform components (aiohttp).

Internal services exchange their client credentials for a short-lived JWT
that the API gateway accepts for east-west calls.
"""
import hmac
import json
import logging
import os
import time
import uuid
from typing import Iterable

import jwt
from aiohttp import web

log = logging.getLogger("auth.service_tokens")

ISSUER = "https://auth.internal.example.com"
SIGNING_KEY = os.environ["SERVICE_TOKEN_SIGNING_KEY"]
TOKEN_TTL = 300


def _load_credentials(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


SERVICE_CREDENTIALS = _load_credentials(os.environ.get("SERVICE_CREDENTIALS_FILE", "/run/secrets/service-credentials.json"))

SERVICE_SCOPES = {
    "billing": {"tenants:read", "usage:read"},
    "provisioner": {"tenants:write", "databases:write"},
    "audit-forwarder": {"audit:write"},
    "scanner": {"assets:read", "findings:write"},
}


def authenticate_service(name: str, secret: str) -> bool:
    expected = SERVICE_CREDENTIALS.get(name)
    return expected is not None and hmac.compare_digest(expected, secret)


def mint_token(service: str, audience: str, scopes: Iterable[str]) -> str:
    now = int(time.time())
    granted = sorted(set(scopes) & SERVICE_SCOPES.get(service, set()))
    claims = {
        "iss": ISSUER,
        "sub": f"svc:{service}",
        "aud": audience,
        "iat": now,
        "exp": now + TOKEN_TTL,
        "jti": uuid.uuid4().hex,
        "scope": " ".join(granted),
    }
    return jwt.encode(claims, SIGNING_KEY, algorithm="HS256")


def verify_token(token: str, audience: str) -> dict:
    return jwt.decode(token, SIGNING_KEY, algorithms=["HS256"], audience=audience, issuer=ISSUER)


async def token_endpoint(request: web.Request) -> web.Response:
    form = await request.post()
    service = str(form.get("client_id", ""))
    if not authenticate_service(service, str(form.get("client_secret", ""))):
        log.warning("service auth failed client_id=%r", service)
        raise web.HTTPUnauthorized()
    audience = str(form.get("audience", "api-gateway"))
    token = mint_token(service, audience, str(form.get("scope", "")).split())
    return web.json_response({"access_token": token, "token_type": "Bearer", "expires_in": TOKEN_TTL})


def create_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/oauth/service-token", token_endpoint)
    return app
