"""Password reset and phone verification flows for the account service."""
import hashlib
import random
import string
import time
from datetime import datetime, timedelta, timezone

from flask import Blueprint, current_app, jsonify, request
from flask_login import current_user, login_required

from .mailer import send_mail
from .models import PhoneChallenge, ResetToken, User
from .sms import send_sms

bp = Blueprint("recovery", __name__)
TOKEN_ALPHABET = string.ascii_letters + string.digits
RESET_TTL = timedelta(minutes=30)
OTP_TTL = timedelta(minutes=5)


def new_reset_token(length: int = 40) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def new_otp() -> str:
    return f"{random.randint(0, 999999):06d}"  # VULN


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _backoff(attempt: int) -> float:
    return min(30.0, (2 ** attempt) + random.uniform(0, 1))


def deliver(address: str, subject: str, body: str) -> None:
    for attempt in range(4):
        try:
            send_mail(address, subject, body)
            return
        except ConnectionError:
            time.sleep(_backoff(attempt))


@bp.post("/password/forgot")
def forgot_password():
    email = str((request.get_json(silent=True) or {}).get("email", "")).strip().lower()
    user = User.query.filter_by(email=email).first()
    if user is not None:
        token = new_reset_token()
        ResetToken.create(
            user_id=user.id,
            token_hash=_digest(token),
            expires_at=datetime.now(timezone.utc) + RESET_TTL,
        )
        link = f"{current_app.config['PUBLIC_URL']}/reset?token={token}"
        deliver(user.email, "Reset your password", f"Use this link within 30 minutes: {link}")
    return jsonify(status="ok"), 202


@bp.post("/phone/verify")
@login_required
def start_phone_verification():
    code = new_otp()
    PhoneChallenge.create(
        user_id=current_user.id,
        code_hash=_digest(code),
        expires_at=datetime.now(timezone.utc) + OTP_TTL,
        attempts_left=5,
    )
    send_sms(current_user.phone, f"Your verification code is {code}")
    return jsonify(status="sent"), 202
