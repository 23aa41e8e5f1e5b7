"""Supplier portal account management: registration, sign-in and password
changes for vendor users (employees use SSO and never hit this module)."""
import hashlib
import hmac
import logging
import os
from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Integer, String, select
from sqlalchemy.orm import Session, declarative_base

Base = declarative_base()
log = logging.getLogger("portal.accounts")

MIN_PASSWORD_LENGTH = 10
PBKDF2_ITERATIONS = 600_000


class VendorUser(Base):
    __tablename__ = "vendor_users"

    id = Column(Integer, primary_key=True)
    vendor_id = Column(Integer, nullable=False, index=True)
    email = Column(String(254), unique=True, nullable=False)
    password_salt = Column(String(64), nullable=False)
    password_hash = Column(String(128), nullable=False)
    created_at = Column(DateTime(timezone=True), default=lambda: datetime.now(timezone.utc))
    last_login_at = Column(DateTime(timezone=True))


class PasswordPolicyError(ValueError):
    pass


def _hash_password(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac(
        "sha256", password.encode("utf-8"), bytes.fromhex(salt), PBKDF2_ITERATIONS
    ).hex()


def _check_policy(password: str):
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordPolicyError("password too short")
    if password.isalpha() or password.isdigit():
        raise PasswordPolicyError("password must mix letters and digits")


def register(db: Session, vendor_id: int, email: str, password: str) -> VendorUser:
    _check_policy(password)
    salt = os.urandom(16).hex()
    user = VendorUser(
        vendor_id=vendor_id,
        email=email.strip().lower(),
        password_salt=salt,
        password_hash=_hash_password(password, salt),
    )
    db.add(user)
    db.commit()
    log.info("registered vendor user id=%s vendor=%s", user.id, vendor_id)
    return user


def authenticate(db: Session, email: str, password: str):
    user = db.scalar(select(VendorUser).where(VendorUser.email == email.strip().lower()))
    if user is None:
        return None
    candidate = _hash_password(password, user.password_salt)
    if not hmac.compare_digest(candidate, user.password_hash):
        return None
    user.last_login_at = datetime.now(timezone.utc)
    db.commit()
    return user


def change_password(db: Session, user: VendorUser, old: str, new: str) -> bool:
    if authenticate(db, user.email, old) is None:
        return False
    _check_policy(new)
    user.password_salt = os.urandom(16).hex()
    user.password_hash = _hash_password(new, user.password_salt)
    db.commit()
    return True
