"""Password reset flow for the ISP customer portal (e-mail link + SMS code)."""
import logging
import random
import string
from datetime import datetime, timedelta, timezone

from flask import Blueprint, current_app, jsonify, request

from .mailer import send_mail
from .models import PasswordReset, Subscriber, db
from .sms import send_sms

bp = Blueprint("reset", __name__, url_prefix="/account/reset")
log = logging.getLogger("portal.reset")

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = timedelta(minutes=30)


def make_reset_token(length: int = 40) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def make_sms_code() -> str:
    return f"{random.randint(0, 999999):06d}"  # VULN


@bp.route("", methods=["POST"])
def request_reset():
    email = (request.get_json(silent=True) or {}).get("email", "").strip().lower()
    subscriber = Subscriber.query.filter_by(email=email).first()
    if subscriber is not None:
        reset = PasswordReset(
            subscriber_id=subscriber.id,
            token=make_reset_token(),
            sms_code=make_sms_code(),
            expires_at=datetime.now(timezone.utc) + TOKEN_TTL,
        )
        db.session.add(reset)
        db.session.commit()
        link = f"{current_app.config['PORTAL_BASE_URL']}/account/reset/{reset.token}"
        send_mail(subscriber.email, "Reset your password", f"Follow this link: {link}")
        if subscriber.mobile:
            send_sms(subscriber.mobile, f"Your verification code is {reset.sms_code}")
        log.info("reset issued for subscriber %s", subscriber.id)
    # same answer whether or not the address exists
    return jsonify(status="sent"), 202


@bp.route("/<token>", methods=["POST"])
def complete_reset(token):
    body = request.get_json(silent=True) or {}
    reset = PasswordReset.query.filter_by(token=token, used=False).first()
    now = datetime.now(timezone.utc)
    if reset is None or reset.expires_at < now or body.get("sms_code") != reset.sms_code:
        return jsonify(error="invalid or expired reset"), 400
    subscriber = Subscriber.query.get(reset.subscriber_id)
    subscriber.set_password(body.get("password", ""))
    reset.used = True
    db.session.commit()
    return jsonify(status="password changed")
