"""Personal API tokens for freelancers who connect their own CAT tools."""
import datetime as dt
import hashlib
import logging
import secrets
import sqlite3
from typing import Optional

from fastapi import APIRouter, Depends, Header, HTTPException

router = APIRouter(prefix="/api/tokens")
log = logging.getLogger("portal.tokens")
DB_PATH = "/srv/portal/portal.db"
TOKEN_PREFIX = "lgv_"


def get_db():
    conn = sqlite3.connect(DB_PATH)
    try:
        yield conn
    finally:
        conn.close()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_hex(16)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def current_freelancer(authorization: str = Header(""), db: sqlite3.Connection = Depends(get_db)) -> int:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.startswith(TOKEN_PREFIX):
        raise HTTPException(401, "missing token")
    row = db.execute(
        "SELECT freelancer_id FROM api_tokens WHERE digest = ? AND revoked = 0 AND expires_at > ?",
        (token_digest(token), dt.datetime.utcnow().isoformat()),
    ).fetchone()
    if row is None:
        raise HTTPException(401, "invalid token")
    return row[0]


@router.post("")
def create_token(label: str, days: int = 90, freelancer_id: int = Depends(current_freelancer),
                 db: sqlite3.Connection = Depends(get_db)):
    if not 1 <= days <= 365:
        raise HTTPException(422, "days must be between 1 and 365")
    token = new_token()
    expires = dt.datetime.utcnow() + dt.timedelta(days=days)
    db.execute(
        "INSERT INTO api_tokens (freelancer_id, label, digest, expires_at, revoked) VALUES (?, ?, ?, ?, 0)",
        (freelancer_id, label[:80], token_digest(token), expires.isoformat()),
    )
    db.commit()
    log.info("freelancer %s created token %r", freelancer_id, label[:80])
    return {"token": token, "expires_at": expires.isoformat()}


@router.delete("/{token_id}")
def revoke_token(token_id: int, freelancer_id: int = Depends(current_freelancer),
                 db: sqlite3.Connection = Depends(get_db)) -> Optional[dict]:
    cur = db.execute(
        "UPDATE api_tokens SET revoked = 1 WHERE id = ? AND freelancer_id = ?",
        (token_id, freelancer_id),
    )
    db.commit()
    if cur.rowcount == 0:
        raise HTTPException(404, "no such token")
    return {"revoked": token_id}
