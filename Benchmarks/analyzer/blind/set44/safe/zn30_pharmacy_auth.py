"""Authentication for the pharmacy partner portal (FastAPI)."""
import datetime as dt
import hashlib
import hmac
import logging
import os

import jwt
from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel

from pharmacy.db import get_session
from pharmacy.models import PortalUser

log = logging.getLogger("pharmacy.auth")
router = APIRouter(prefix="/auth", tags=["auth"])
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")

JWT_SECRET = os.environ["RX_PORTAL_JWT_SECRET"]
JWT_ALG = "HS256"
TOKEN_TTL = dt.timedelta(minutes=30)


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


def hash_password(password: str, salt: str) -> str:
    return hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt),
                          n=2**14, r=8, p=1, dklen=32).hex()


def verify_password(password: str, salt: str, stored: str) -> bool:
    return hmac.compare_digest(hash_password(password, salt), stored)


def issue_token(user: PortalUser) -> str:
    now = dt.datetime.now(dt.timezone.utc)
    claims = {"sub": str(user.id), "pharmacy": user.pharmacy_id, "role": user.role,
              "iat": now, "exp": now + TOKEN_TTL}
    return jwt.encode(claims, JWT_SECRET, algorithm=JWT_ALG)


@router.post("/token", response_model=TokenOut)
def login(form: OAuth2PasswordRequestForm = Depends(), db=Depends(get_session)):
    user = db.query(PortalUser).filter(PortalUser.username == form.username.lower()).first()
    if user is None or not user.active or not verify_password(form.password, user.salt, user.password_hash):
        log.info("failed login for %r", form.username)
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="invalid credentials")
    return TokenOut(access_token=issue_token(user), expires_in=int(TOKEN_TTL.total_seconds()))


def current_user(token: str = Depends(oauth2_scheme), db=Depends(get_session)) -> PortalUser:
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALG])
    except jwt.PyJWTError:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="invalid token")
    user = db.get(PortalUser, int(claims["sub"]))
    if user is None or not user.active:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="inactive user")
    return user


@router.post("/password")
def change_password(old: str, new: str, user: PortalUser = Depends(current_user),
                    db=Depends(get_session)):
    if not verify_password(old, user.salt, user.password_hash):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="wrong password")
    if len(new) < 12:
        raise HTTPException(status_code=400, detail="password too short")
    user.salt = os.urandom(16).hex()
    user.password_hash = hash_password(new, user.salt)
    db.commit()
    return {"changed": True}
