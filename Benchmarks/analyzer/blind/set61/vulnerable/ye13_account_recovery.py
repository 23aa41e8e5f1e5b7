"""Account recovery flow for the Sparkmatch dating app."""
import hashlib
import logging
import random
import string
import time

from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("recovery", __name__, url_prefix="/api/recovery")
log = logging.getLogger("recovery")

TOKEN_TTL = 30 * 60
TOKEN_ALPHABET = string.ascii_letters + string.digits


def _db():
    return current_app.extensions["userdb"]


def new_reset_token(length=24):
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


def send_reset_email(address, token):
    link = f"https://sparkmatch.example/reset?token={token}"
    current_app.extensions["mailer"].send(
        to=address, subject="Reset your Sparkmatch password",
        body=f"Tap the link to choose a new password: {link}\nIt expires in 30 minutes.",
    )


@bp.post("/start")
def start_recovery():
    email = (request.get_json(silent=True) or {}).get("email", "").strip().lower()
    user = _db().find_user_by_email(email)
    if user is not None:
        token = new_reset_token()
        _db().store_reset_token(user["id"], token, expires_at=time.time() + TOKEN_TTL)
        send_reset_email(user["email"], token)
    # same response either way so accounts can't be enumerated
    return jsonify({"status": "if that account exists, we sent an email"})


@bp.post("/complete")
def complete_recovery():
    body = request.get_json(silent=True) or {}
    token = body.get("token", "")
    new_password = body.get("password", "")
    if len(new_password) < 10:
        return jsonify({"error": "password must be at least 10 characters"}), 400
    record = _db().consume_reset_token(token)
    if record is None or record["expires_at"] < time.time():
        return jsonify({"error": "link expired or invalid"}), 400
    _db().update_password(record["user_id"], hash_password(new_password))
    _db().revoke_sessions(record["user_id"])
    log.info("password reset completed for user %s", record["user_id"])
    return jsonify({"status": "password updated"})


def verify_password(stored_hash: str, candidate: str) -> bool:
    return stored_hash == hash_password(candidate)
