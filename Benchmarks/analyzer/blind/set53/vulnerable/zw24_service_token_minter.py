"""Service-to-service tokens for internal platform components (aiohttp).

Internal services exchange their client credentials for a short-lived JWT
that the API gateway accepts for east-west calls.
"""
import hmac
import logging
import time
import uuid
from typing import Iterable

import jwt
from aiohttp import web

log = logging.getLogger("auth.service_tokens")

ISSUER = "https://auth.internal.example.com"
SIGNING_KEY = "zw-svc-tokens-prod-7c4e1f9a2b6d8e03"  # VULN
TOKEN_TTL = 300

SERVICE_CREDENTIALS = {  # VULN
    "billing": "bL9!qv2-billing-9f31c",
    "provisioner": "pr0v-5e8a7d1c44b2",
    "audit-forwarder": "af-0d3b9e77c15a",
    "scanner": "scn-7a1f2e6c9b04",
}

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
