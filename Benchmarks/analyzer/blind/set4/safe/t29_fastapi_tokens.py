import datetime as dt
import os
import secrets

import jwt
from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

router = APIRouter(prefix="/auth", tags=["auth"])
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")

JWT_SECRET = os.environ["JWT_SECRET"]
JWT_ALGORITHM = "HS256"
ACCESS_TTL = dt.timedelta(minutes=15)


def issue_tokens(user_id: int) -> dict:
    now = dt.datetime.now(dt.timezone.utc)
    claims = {"sub": str(user_id), "iat": now, "exp": now + ACCESS_TTL, "jti": secrets.token_hex(16)}
    return {
        "access_token": jwt.encode(claims, JWT_SECRET, algorithm=JWT_ALGORITHM),
        "refresh_token": secrets.token_urlsafe(48),
        "token_type": "bearer",
    }


def current_user_id(token: str = Depends(oauth2_scheme)) -> int:
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALGORITHM], options={"require": ["exp", "sub"]})
    except jwt.PyJWTError:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="invalid token")
    return int(claims["sub"])


@router.get("/whoami")
def whoami(user_id: int = Depends(current_user_id)):
    return {"user_id": user_id}
