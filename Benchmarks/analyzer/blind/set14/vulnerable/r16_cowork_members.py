"""Member accounts and door access codes for the coworking space booking API."""
import base64
import hashlib
import logging
import os
import random
import string
from datetime import datetime, timedelta, timezone

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel, EmailStr
from sqlalchemy.orm import Session

from .database import get_session
from .mailer import send_reset_email
from .models import Member, PasswordReset

router = APIRouter(prefix="/members", tags=["members"])
log = logging.getLogger("cowork.members")

TOKEN_ALPHABET = string.ascii_letters + string.digits
DOOR_KEY = base64.b64decode(os.environ["DOOR_CODE_KEY"])
DOOR_IV = b"cowork-door-iv-1"


class Signup(BaseModel):
    email: EmailStr
    password: str
    full_name: str


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


def make_reset_token(length: int = 40) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def encrypt_door_code(code: str) -> str:
    padder = padding.PKCS7(128).padder()
    data = padder.update(code.encode()) + padder.finalize()
    enc = Cipher(algorithms.AES(DOOR_KEY), modes.CBC(DOOR_IV)).encryptor()  # VULN
    return base64.b64encode(enc.update(data) + enc.finalize()).decode()


@router.post("/signup", status_code=status.HTTP_201_CREATED)
def signup(body: Signup, db: Session = Depends(get_session)):
    if db.query(Member).filter_by(email=body.email).first():
        raise HTTPException(status.HTTP_409_CONFLICT, "email already registered")
    if len(body.password) < 10:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "password too short")
    door_code = f"{int.from_bytes(os.urandom(4), 'big') % 1000000:06d}"
    member = Member(
        email=body.email,
        full_name=body.full_name,
        password_hash=hash_password(body.password),
        door_code_enc=encrypt_door_code(door_code),
    )
    db.add(member)
    db.commit()
    log.info("member %s signed up", member.id)
    return {"id": member.id, "door_code": door_code}


@router.post("/password-reset", status_code=status.HTTP_202_ACCEPTED)
def request_reset(email: EmailStr, db: Session = Depends(get_session)):
    member = db.query(Member).filter_by(email=email).first()
    if member is not None:
        token = make_reset_token()
        expires = datetime.now(timezone.utc) + timedelta(hours=1)
        db.add(PasswordReset(member_id=member.id, token=token, expires_at=expires))
        db.commit()
        send_reset_email(member.email, token)
    return {"detail": "if the address is registered, a reset link has been sent"}
