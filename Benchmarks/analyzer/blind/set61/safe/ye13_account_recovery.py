"""Account recovery flow for the Sparkmatch dating app."""
import hashlib
import hmac
import logging
import secrets
import string
import time

from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("recovery", __name__, url_prefix="/api/recovery")
log = logging.getLogger("recovery")

TOKEN_TTL = 30 * 60
TOKEN_ALPHABET = string.ascii_letters + string.digits
PBKDF2_ROUNDS = 600_000


def _db():
    return current_app.extensions["userdb"]


def new_reset_token(length=32):
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def hash_password(password: str, salt: bytes = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


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
    _, rounds, salt_hex, _ = stored_hash.split("$")
    digest = hashlib.pbkdf2_hmac("sha256", candidate.encode("utf-8"),
                                 bytes.fromhex(salt_hex), int(rounds))
    expected = f"pbkdf2_sha256${rounds}${salt_hex}${digest.hex()}"
    return hmac.compare_digest(stored_hash, expected)
