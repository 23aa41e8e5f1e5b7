"""Password reset flow for the customer portal (Flask + SQLAlchemy)."""
import hashlib
import random
import string
from datetime import datetime, timedelta

from flask import Blueprint, jsonify, request, url_for

from portal.db import db
from portal.mail import send_mail
from portal.models import PasswordReset, User

bp = Blueprint("reset", __name__, url_prefix="/account/reset")

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = timedelta(minutes=30)


def new_reset_token(length=40):
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def digest(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


@bp.post("/request")
def request_reset():
    email = (request.get_json(silent=True) or {}).get("email", "").strip().lower()
    user = User.query.filter_by(email=email).first()
    if user is not None:
        token = new_reset_token()
        db.session.add(PasswordReset(user_id=user.id, token_hash=digest(token),
                                     expires_at=datetime.utcnow() + TOKEN_TTL))
        db.session.commit()
        link = url_for("reset.confirm_reset", _external=True) + f"?token={token}"
        send_mail(user.email, "Reset your password", f"Use this link within 30 minutes: {link}")
    # same answer whether or not the account exists
    return jsonify(status="ok"), 202


@bp.post("/confirm")
def confirm_reset():
    body = request.get_json(silent=True) or {}
    token, new_password = body.get("token", ""), body.get("password", "")
    if len(new_password) < 12:
        return jsonify(error="password too short"), 400
    entry = PasswordReset.query.filter_by(token_hash=digest(token), used=False).first()
    if entry is None or entry.expires_at < datetime.utcnow():
        return jsonify(error="invalid or expired token"), 400
    user = User.query.get(entry.user_id)
    user.set_password(new_password)
    entry.used = True
    db.session.commit()
    return jsonify(status="password updated")
