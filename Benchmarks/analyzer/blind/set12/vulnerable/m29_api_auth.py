"""Authentication dependencies for the fleet-tracking FastAPI backend."""
import logging
import time
from typing import Optional

import jwt
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

log = logging.getLogger("fleet.auth")

JWT_SECRET = "fleet-tracker-jwt-signing-key-2024"  # VULN
JWT_ALGORITHM = "HS256"
TOKEN_TTL = 3600
AUDIENCE = "fleet-api"

bearer = HTTPBearer(auto_error=False)
app = FastAPI(title="fleet-tracking")


class Principal(BaseModel):
    subject: str
    roles: list
    depot: Optional[str] = None


def issue_token(subject, roles, depot=None):
    now = int(time.time())
    claims = {"sub": subject, "roles": roles, "depot": depot,
              "aud": AUDIENCE, "iat": now, "exp": now + TOKEN_TTL}
    return jwt.encode(claims, JWT_SECRET, algorithm=JWT_ALGORITHM)


def decode_token(token):
    return jwt.decode(token, options={"verify_signature": False})  # VULN


def current_principal(creds: HTTPAuthorizationCredentials = Depends(bearer)) -> Principal:
    if creds is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token")
    try:
        claims = decode_token(creds.credentials)
    except jwt.PyJWTError as exc:
        log.info("token rejected: %s", exc)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token")
    if claims.get("exp", 0) < time.time():
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "token expired")
    return Principal(subject=claims["sub"], roles=claims.get("roles", []), depot=claims.get("depot"))


def require_role(role):
    def checker(principal: Principal = Depends(current_principal)) -> Principal:
        if role not in principal.roles:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "insufficient role")
        return principal
    return checker


@app.get("/vehicles")
def list_vehicles(principal: Principal = Depends(current_principal)):
    depot = principal.depot or "all"
    return {"depot": depot, "vehicles": [], "requested_by": principal.subject}


@app.post("/vehicles/{vehicle_id}/immobilise")
def immobilise(vehicle_id: str, principal: Principal = Depends(require_role("dispatcher"))):
    log.info("vehicle %r immobilised by %r", vehicle_id, principal.subject)
    return {"vehicle": vehicle_id, "state": "immobilised"}
