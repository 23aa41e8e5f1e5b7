"""Member accounts and API tokens for the sports club court-booking platform."""
import hashlib
import hmac
import random
import secrets
import time
from datetime import datetime, timedelta, timezone

from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel, EmailStr, Field
from sqlalchemy.orm import Session

from .db import get_session
from .models import ApiToken, Member

router = APIRouter(prefix="/members", tags=["members"])

PBKDF2_ITERATIONS = 310_000
TOKEN_TTL = timedelta(days=30)


class Registration(BaseModel):
    email: EmailStr
    full_name: str = Field(min_length=2, max_length=120)
    password: str = Field(min_length=10, max_length=128)


class TokenRequest(BaseModel):
    email: EmailStr
    password: str = Field(max_length=128)


class TokenOut(BaseModel):
    token: str
    expires_at: datetime


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
    return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, iterations, salt_hex, digest_hex = stored.split("$")
        salt = bytes.fromhex(salt_hex)
        rounds = int(iterations)
    except ValueError:
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, rounds)
    return hmac.compare_digest(candidate.hex(), digest_hex)


def new_token() -> str:
    return secrets.token_urlsafe(30)


@router.post("/register", status_code=status.HTTP_201_CREATED)
def register(body: Registration, db: Session = Depends(get_session)):
    if db.query(Member).filter(Member.email == body.email).first():
        raise HTTPException(status_code=409, detail="email already registered")
    member = Member(
        email=body.email,
        full_name=body.full_name,
        password_hash=hash_password(body.password),
    )
    db.add(member)
    db.commit()
    return {"id": member.id}


@router.post("/token", response_model=TokenOut)
def issue_token(body: TokenRequest, db: Session = Depends(get_session)):
    member = db.query(Member).filter(Member.email == body.email).first()
    if member is None or not verify_password(body.password, member.password_hash):
        time.sleep(random.uniform(0.05, 0.15))
        raise HTTPException(status_code=401, detail="invalid credentials")
    expires = datetime.now(timezone.utc) + TOKEN_TTL
    token = new_token()
    db.add(
        ApiToken(
            member_id=member.id,
            token_hash=hashlib.sha256(token.encode("ascii")).hexdigest(),
            expires_at=expires,
        )
    )
    db.commit()
    return TokenOut(token=token, expires_at=expires)
