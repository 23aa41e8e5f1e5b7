"""Authentication for the wholesale reseller REST API: JWT sessions and long-lived API tokens."""
import hashlib
import logging
import os
import secrets
from datetime import datetime, timedelta, timezone
from typing import List

import jwt
from fastapi import Depends, Header, HTTPException

from .db import get_conn

log = logging.getLogger("reseller.auth")

JWT_SECRET = os.environ["RESELLER_JWT_SECRET"]
JWT_ALG = "HS256"
SESSION_TTL = timedelta(hours=8)
TOKEN_PREFIX = "rsl_"


def issue_session(reseller_id: int, scopes: List[str]) -> str:
    now = datetime.now(timezone.utc)
    claims = {"sub": str(reseller_id), "scopes": scopes, "iat": now, "exp": now + SESSION_TTL}
    return jwt.encode(claims, JWT_SECRET, algorithm=JWT_ALG)


def decode_session(token: str) -> dict:
    return jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALG])


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_api_token(conn, reseller_id: int, label: str, scopes: List[str]) -> str:
    token = TOKEN_PREFIX + secrets.token_hex(24)
    conn.execute(
        "INSERT INTO api_tokens (reseller_id, label, scopes, token_hash) VALUES (?, ?, ?, ?)",
        (reseller_id, label, ",".join(scopes), _token_digest(token)),
    )
    conn.commit()
    log.info("api token %r issued for reseller %s", label, reseller_id)
    return token


def lookup_api_token(conn, token: str):
    return conn.execute(
        "SELECT reseller_id, scopes FROM api_tokens WHERE token_hash = ? AND revoked = 0",
        (_token_digest(token),),
    ).fetchone()


async def current_reseller(authorization: str = Header(...), conn=Depends(get_conn)) -> dict:
    scheme, _, credential = authorization.partition(" ")
    if scheme.lower() != "bearer" or not credential:
        raise HTTPException(status_code=401, detail="bearer token required")
    if credential.startswith(TOKEN_PREFIX):
        row = lookup_api_token(conn, credential)
        if row is None:
            raise HTTPException(status_code=401, detail="unknown token")
        return {"reseller_id": row[0], "scopes": row[1].split(",")}
    try:
        claims = decode_session(credential)
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid session")
    return {"reseller_id": int(claims["sub"]), "scopes": claims.get("scopes", [])}


def require_scope(scope: str):
    async def checker(reseller: dict = Depends(current_reseller)) -> dict:
        if scope not in reseller["scopes"]:
            raise HTTPException(status_code=403, detail=f"missing scope {scope}")
        return reseller
    return checker
