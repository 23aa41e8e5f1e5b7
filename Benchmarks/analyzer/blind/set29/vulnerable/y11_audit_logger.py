"""Authentication endpoints with an audit trail for the security team."""
import logging
import secrets
from datetime import datetime, timedelta, timezone

import bcrypt
from fastapi import FastAPI, Header, HTTPException, Request
from pydantic import BaseModel

from accounts.repository import find_user, store_session

audit = logging.getLogger("audit")
app = FastAPI(title="auth-service")
SESSION_TTL = timedelta(hours=8)


class LoginForm(BaseModel):
    username: str
    password: str


class LoginResult(BaseModel):
    token: str
    expires_at: datetime


def client_ip(request: Request) -> str:
    forwarded = request.headers.get("x-forwarded-for", "")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.client.host if request.client else "unknown"


def record_failure(username: str, ip: str, reason: str) -> None:
    audit.warning(f"login failed user={username} ip={ip} reason={reason}")  # VULN flow


@app.post("/auth/login", response_model=LoginResult)
async def login(form: LoginForm, request: Request, user_agent: str = Header(default="")):
    ip = client_ip(request)
    user = await find_user(form.username)
    if user is None:
        record_failure(form.username, ip, "unknown-user")
        raise HTTPException(status_code=401, detail="invalid credentials")
    if not bcrypt.checkpw(form.password.encode("utf-8"), user.password_hash.encode("ascii")):
        record_failure(form.username, ip, "bad-password")
        raise HTTPException(status_code=401, detail="invalid credentials")
    token = secrets.token_urlsafe(32)
    expires_at = datetime.now(timezone.utc) + SESSION_TTL
    await store_session(user.id, token, expires_at)
    audit.info("login ok user=%s ip=%s agent=" + user_agent, user.username, ip)  # VULN flow
    return LoginResult(token=token, expires_at=expires_at)
