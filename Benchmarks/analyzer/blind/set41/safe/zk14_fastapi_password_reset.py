"""Account recovery endpoints for the public API."""
import hashlib
import logging
import os
import secrets
from datetime import datetime, timedelta

from fastapi import APIRouter, BackgroundTasks, HTTPException
from pydantic import BaseModel, EmailStr, Field

from .db import users, reset_tokens
from .mailer import send_reset_email

log = logging.getLogger("accounts.reset")
router = APIRouter(prefix="/account")

TOKEN_TTL = timedelta(minutes=30)
PBKDF2_ITERATIONS = 600_000


class ResetRequest(BaseModel):
    email: EmailStr


class ResetConfirm(BaseModel):
    token: str
    new_password: str = Field(..., min_length=10, max_length=128)


def generate_reset_token(length: int = 32) -> str:
    return secrets.token_urlsafe(length)


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
    return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"


@router.post("/password-reset", status_code=202)
async def request_reset(body: ResetRequest, tasks: BackgroundTasks):
    user = await users.find_by_email(body.email)
    if user is not None:
        token = generate_reset_token()
        await reset_tokens.insert(
            user_id=user.id,
            token=token,
            expires_at=datetime.utcnow() + TOKEN_TTL,
        )
        tasks.add_task(send_reset_email, user.email, token)
        log.info("reset token issued for user %s", user.id)
    # same response whether or not the account exists
    return {"status": "if the account exists, an email has been sent"}


@router.post("/password-reset/confirm")
async def confirm_reset(body: ResetConfirm):
    record = await reset_tokens.find(token=body.token)
    if record is None or record.used or record.expires_at < datetime.utcnow():
        raise HTTPException(status_code=400, detail="invalid or expired token")
    await users.update_password(record.user_id, hash_password(body.new_password))
    await reset_tokens.mark_used(record.id)
    log.info("password reset completed for user %s", record.user_id)
    return {"status": "password updated"}
