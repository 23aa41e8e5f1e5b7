"""Feature-flag management API for the SaaS control plane."""
import json
import logging
import os
import sqlite3
from typing import Optional

import jwt
from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

app = FastAPI(title="feature-flags")
bearer = HTTPBearer()
logger = logging.getLogger("flags")
JWT_SECRET = os.environ["FLAGS_JWT_SECRET"]
DB_PATH = os.environ.get("FLAGS_DB", "flags.sqlite3")


class User(BaseModel):
    sub: str
    role: str
    org: str


class FlagUpdate(BaseModel):
    enabled: bool
    rollout_percent: int = Field(100, ge=0, le=100)
    segments: Optional[list[str]] = None


def current_user(creds: HTTPAuthorizationCredentials = Depends(bearer)) -> User:
    try:
        claims = jwt.decode(creds.credentials, JWT_SECRET, algorithms=["HS256"], audience="flags-api")
    except jwt.PyJWTError:
        raise HTTPException(status_code=401, detail="invalid token")
    return User(sub=claims["sub"], role=claims.get("role", "viewer"), org=claims["org"])


def require_admin(user: User = Depends(current_user)) -> User:
    if user.role != "admin":
        raise HTTPException(status_code=403, detail="admin role required")
    return user


@app.get("/orgs/{org}/flags")
def list_flags(org: str, user: User = Depends(current_user)):
    if user.org != org:
        raise HTTPException(status_code=403, detail="forbidden")
    with sqlite3.connect(DB_PATH) as conn:
        rows = conn.execute(
            "SELECT key, enabled, rollout_percent FROM flags WHERE org = ? ORDER BY key", (org,)
        ).fetchall()
    return [{"key": k, "enabled": bool(e), "rollout_percent": r} for k, e, r in rows]


@app.put("/orgs/{org}/flags/{key}")
def update_flag(org: str, key: str, update: FlagUpdate, user: User = Depends(require_admin)):
    if user.org != org:
        raise HTTPException(status_code=403, detail="forbidden")
    try:
        with sqlite3.connect(DB_PATH) as conn:
            cur = conn.execute(
                "UPDATE flags SET enabled = ?, rollout_percent = ?, segments = ?, updated_by = ? "
                "WHERE org = ? AND key = ?",
                (update.enabled, update.rollout_percent, json.dumps(update.segments), user.sub, org, key),
            )
    except sqlite3.Error:
        logger.exception("flag update failed for %r in org %r", key, org)
        raise HTTPException(status_code=500, detail="update failed")
    if cur.rowcount == 0:
        raise HTTPException(status_code=404, detail="unknown flag")
    logger.info("flag %r in org %r updated by %r", key, org, user.sub)
    return {"key": key, **update.model_dump()}
