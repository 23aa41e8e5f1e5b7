"""Applicant portal: password reset flow."""
import hashlib
import logging
import secrets
import string
from datetime import datetime, timedelta, timezone

from flask import Blueprint, current_app, jsonify, request, url_for
from werkzeug.security import generate_password_hash

log = logging.getLogger("applicant.reset")
bp = Blueprint("reset", __name__, url_prefix="/applicant/password")

TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = timedelta(minutes=30)


def generate_reset_token(length: int = 40) -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _db():
    return current_app.extensions["applicant_db"]


@bp.route("/forgot", methods=["POST"])
def forgot_password():
    email = (request.get_json(silent=True) or {}).get("email", "").strip().lower()
    applicant = _db().find_applicant_by_email(email) if email else None
    if applicant is not None:
        token = generate_reset_token()
        _db().store_reset_token(
            applicant_id=applicant["id"],
            token_hash=_token_digest(token),
            expires_at=datetime.now(timezone.utc) + TOKEN_TTL,
        )
        link = url_for("reset.reset_password", token=token, _external=True)
        current_app.extensions["mailer"].send(
            to=applicant["email"],
            subject="Reset your application portal password",
            body=f"Use this link within 30 minutes to choose a new password:\n{link}\n",
        )
        log.info("issued reset token for applicant %s", applicant["id"])
    # same response whether or not the address exists
    return jsonify({"status": "if the address is registered, a link has been sent"}), 202


@bp.route("/reset/<token>", methods=["POST"])
def reset_password(token):
    new_password = (request.get_json(silent=True) or {}).get("password", "")
    if len(new_password) < 12:
        return jsonify({"error": "password must be at least 12 characters"}), 400
    record = _db().consume_reset_token(_token_digest(token))
    if record is None or record["expires_at"] < datetime.now(timezone.utc):
        return jsonify({"error": "link is invalid or has expired"}), 400
    _db().set_password_hash(record["applicant_id"], generate_password_hash(new_password))
    log.info("password reset completed for applicant %s", record["applicant_id"])
    return jsonify({"status": "password updated"})
