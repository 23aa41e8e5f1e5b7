"""Bearer-token authentication dependency for the partner API."""
import logging
import os
from dataclasses import dataclass
from typing import Optional

import jwt
from fastapi import Depends, FastAPI, HTTPException, Request, status

logger = logging.getLogger("partners.auth")
app = FastAPI(title="partner-api")

ISSUER = "https://id.partners.example"
AUDIENCE = "partner-api"
JWKS_URL = f"{ISSUER}/.well-known/jwks.json"


@dataclass
class PartnerIdentity:
    partner_id: str
    scopes: frozenset
    subject: str


class TokenExtractor:
    def __init__(self, header: str = "Authorization", scheme: str = "Bearer"):
        self.header = header
        self.scheme = scheme

    def __call__(self, request: Request) -> str:
        value = request.headers.get(self.header, "")
        scheme, _, token = value.partition(" ")
        if scheme.lower() != self.scheme.lower() or not token:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token")
        return token


class TokenVerifier:
    def __init__(self, jwks_client: Optional[jwt.PyJWKClient] = None):
        self.jwks_client = jwks_client or jwt.PyJWKClient(JWKS_URL, cache_keys=True, timeout=5)

    def decode(self, token: str) -> dict:
        signing_key = self.jwks_client.get_signing_key_from_jwt(token)
        return jwt.decode(
            token,
            signing_key.key,
            algorithms=["RS256", "ES256"],
            audience=AUDIENCE,
            issuer=ISSUER,
            options={"require": ["exp", "iat", "sub"]},
        )

    def identity(self, token: str) -> PartnerIdentity:
        claims = self.decode(token)
        return PartnerIdentity(
            partner_id=claims["partner_id"],
            scopes=frozenset(claims.get("scope", "").split()),
            subject=claims["sub"],
        )


extract_token = TokenExtractor()
verifier = TokenVerifier()


def current_partner(token: str = Depends(extract_token)) -> PartnerIdentity:
    try:
        return verifier.identity(token)
    except (jwt.PyJWTError, KeyError) as exc:
        logger.info("rejected partner token: %r", exc)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token")


def require_scope(scope: str):
    def checker(partner: PartnerIdentity = Depends(current_partner)) -> PartnerIdentity:
        if scope not in partner.scopes:
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"missing scope {scope}")
        return partner

    return checker


@app.get("/v1/orders")
def list_orders(partner: PartnerIdentity = Depends(require_scope("orders:read"))):
    from .orders import OrderRepository
    return {"partner": partner.partner_id, "orders": OrderRepository().for_partner(partner.partner_id)}


@app.get("/v1/health")
def health():
    return {"ok": True, "env": os.environ.get("DEPLOY_ENV", "dev")}
