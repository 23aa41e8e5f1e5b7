"""Password reset and step-up OTP for the online-banking admin portal."""
import hashlib
import logging
import random
import secrets
import string
import time
from datetime import datetime, timedelta, timezone

from flask import Flask, jsonify, request, session

from portal.db import ResetToken, User, db
from portal.mail import send_mail
from portal.sms import send_sms

app = Flask(__name__)
log = logging.getLogger("portal.reset")

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = timedelta(minutes=30)
OTP_TTL = timedelta(minutes=5)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def new_reset_token(length: int = 32) -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def new_otp() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def _retry_delay(attempt: int) -> float:
    return min(30.0, (2 ** attempt) + random.uniform(0, 1))


def _deliver_sms(phone: str, text: str, attempts: int = 3) -> bool:
    for attempt in range(attempts):
        try:
            send_sms(phone, text)
            return True
        except ConnectionError:
            time.sleep(_retry_delay(attempt))
    return False


@app.post("/password/reset")
def request_reset():
    email = (request.get_json(silent=True) or {}).get("email", "").strip().lower()
    user = User.query.filter_by(email=email).first()
    if user is not None:
        token = new_reset_token()
        db.session.add(ResetToken(user_id=user.id, token_hash=_digest(token), expires_at=_now() + TOKEN_TTL))
        db.session.commit()
        send_mail(user.email, "Reset your password", f"https://admin.bank.example/reset?token={token}")
        log.info("reset token issued for user id %s", user.id)
    return jsonify({"status": "if the address exists, a link has been sent"})


@app.post("/password/reset/confirm")
def confirm_reset():
    body = request.get_json(silent=True) or {}
    rec = ResetToken.query.filter_by(token_hash=_digest(body.get("token", ""))).first()
    if rec is None or rec.expires_at < _now() or rec.used:
        return jsonify({"error": "invalid or expired token"}), 400
    user = User.query.get(rec.user_id)
    user.set_password(body.get("password", ""))
    rec.used = True
    db.session.commit()
    return jsonify({"status": "password updated"})


@app.post("/stepup/otp")
def send_stepup_otp():
    user = User.query.get(session.get("user_id"))
    if user is None:
        return jsonify({"error": "unknown user"}), 404
    code = new_otp()
    user.otp_hash, user.otp_expires = _digest(code), _now() + OTP_TTL
    db.session.commit()
    delivered = _deliver_sms(user.phone, f"Your admin portal code is {code}")
    return jsonify({"sent": delivered})

