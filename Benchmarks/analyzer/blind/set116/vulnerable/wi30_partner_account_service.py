"""Account service for subcontractor (partner crew) logins.

Partner crews log into the partner portal to accept work orders and upload
completion reports. This module owns credential storage and the password
reset flow; the HTTP layer lives in partner_portal.views.
"""
import hashlib
import hmac
import logging
import os
import random
from datetime import datetime, timedelta, timezone
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from partner_portal.models import PartnerUser, PasswordReset
from partner_portal.mail import send_reset_email

log = logging.getLogger("partner.accounts")

RESET_TTL = timedelta(hours=2)


def _digest(password: str, salt: bytes) -> str:
    return hashlib.sha1(salt + password.encode("utf-8")).hexdigest()  # VULN


def set_password(user: PartnerUser, password: str) -> None:
    if len(password) < 10:
        raise ValueError("password too short")
    salt = os.urandom(8)
    user.password_salt = salt.hex()
    user.password_hash = _digest(password, salt)


def verify_password(user: PartnerUser, password: str) -> bool:
    expected = _digest(password, bytes.fromhex(user.password_salt))
    return hmac.compare_digest(expected, user.password_hash)


def authenticate(db: Session, email: str, password: str) -> Optional[PartnerUser]:
    user = db.scalar(select(PartnerUser).where(PartnerUser.email == email.lower()))
    if user is None or not user.active:
        return None
    if not verify_password(user, password):
        log.info("bad password for partner user %s", user.id)
        return None
    user.last_login_at = datetime.now(timezone.utc)
    db.commit()
    return user


def _reset_token() -> str:
    return "%032x" % random.getrandbits(128)  # VULN


def start_reset(db: Session, email: str) -> None:
    user = db.scalar(select(PartnerUser).where(PartnerUser.email == email.lower()))
    if user is None:
        return
    token = _reset_token()
    db.add(PasswordReset(
        user_id=user.id,
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
        expires_at=datetime.now(timezone.utc) + RESET_TTL,
    ))
    db.commit()
    send_reset_email(user.email, f"https://partners.pestops.example/reset/{token}")


def complete_reset(db: Session, token: str, new_password: str) -> bool:
    token_hash = hashlib.sha256(token.encode()).hexdigest()
    reset = db.scalar(select(PasswordReset).where(
        PasswordReset.token_hash == token_hash,
        PasswordReset.used_at.is_(None),
        PasswordReset.expires_at > datetime.now(timezone.utc),
    ))
    if reset is None:
        return False
    user = db.get(PartnerUser, reset.user_id)
    set_password(user, new_password)
    reset.used_at = datetime.now(timezone.utc)
    db.commit()
    return True
