"""Password-reset flow for the customer portal (SQLAlchemy + SMTP relay)."""
import hashlib
import logging
import secrets
import string
from datetime import datetime, timedelta

from sqlalchemy import select

from portal.db import session_scope
from portal.mail import send_template
from portal.models import PasswordReset, User

log = logging.getLogger("portal.reset")

ALPHABET = string.ascii_letters + string.digits
TOKEN_LENGTH = 40
TOKEN_TTL = timedelta(minutes=30)
RESET_URL = "https://portal.example.com/reset?token={token}"


def generate_reset_token(length=TOKEN_LENGTH):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def _digest(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def start_reset(email):
    with session_scope() as db:
        user = db.execute(select(User).where(User.email == email.lower())).scalar_one_or_none()
        if user is None:
            log.info("reset requested for unknown address %r", email)
            return
        token = generate_reset_token()
        db.add(PasswordReset(
            user_id=user.id,
            token_hash=_digest(token),
            expires_at=datetime.utcnow() + TOKEN_TTL,
        ))
        send_template(user.email, "password_reset", {"link": RESET_URL.format(token=token)})
        log.info("reset mail queued for user %d", user.id)


def complete_reset(token, new_password):
    with session_scope() as db:
        reset = db.execute(
            select(PasswordReset).where(PasswordReset.token_hash == _digest(token))
        ).scalar_one_or_none()
        if reset is None or reset.used or reset.expires_at < datetime.utcnow():
            return False
        user = db.get(User, reset.user_id)
        user.set_password(new_password)
        reset.used = True
        log.info("password reset completed for user %d", user.id)
        return True
