"""Password reset flow for portal-local accounts (Flask blueprint)."""
import hashlib
import logging
import random
import secrets
import string
import time
from datetime import datetime, timedelta, timezone

from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("password_reset", __name__, url_prefix="/account/reset")
log = logging.getLogger("portal.reset")

ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = timedelta(minutes=30)


def generate_reset_token(length: int = 32) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _send_mail_with_retry(mailer, to_addr: str, body: str, attempts: int = 3) -> None:
    for attempt in range(1, attempts + 1):
        try:
            mailer.send(to=to_addr, subject="Reset your HR portal password", body=body)
            return
        except ConnectionError:
            if attempt == attempts:
                raise
            time.sleep(attempt + random.uniform(0, 0.5))


@bp.post("/request")
def request_reset():
    username = (request.get_json(force=True) or {}).get("username", "")
    store = current_app.extensions["account_store"]
    user = store.get(username)
    if user is not None and user.email:
        token = generate_reset_token()
        store.save_reset_token(
            username=user.username,
            token_hash=_token_digest(token),
            expires_at=datetime.now(timezone.utc) + TOKEN_TTL,
        )
        link = f"{current_app.config['PORTAL_URL']}/reset?token={token}"
        _send_mail_with_retry(current_app.extensions["mailer"], user.email,
                              f"Use this link within 30 minutes:\n{link}\n")
        log.info("reset token issued for %r", user.username)
    # Same response whether or not the account exists.
    return jsonify(status="If the account exists, an email has been sent."), 202


@bp.post("/confirm")
def confirm_reset():
    body = request.get_json(force=True) or {}
    token = body.get("token", "")
    new_password = body.get("password", "")
    store = current_app.extensions["account_store"]
    record = store.find_reset_token(_token_digest(token))
    if record is None or record.expires_at < datetime.now(timezone.utc):
        return jsonify(error="invalid or expired token"), 400
    store.change_password(record.username, new_password)
    store.delete_reset_token(record.token_hash)
    return jsonify(status="password updated")
