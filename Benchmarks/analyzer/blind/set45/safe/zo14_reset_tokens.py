"""Password reset flow for the parent/guardian portal."""
import datetime as dt
import hashlib
import logging
import secrets
import string

from flask import Blueprint, abort, current_app, jsonify, request

from .db import get_db
from .mailer import send_template

bp = Blueprint("reset", __name__, url_prefix="/account/reset")
log = logging.getLogger(__name__)

TOKEN_TTL = dt.timedelta(hours=2)
TOKEN_ALPHABET = string.ascii_letters + string.digits
PBKDF2_ROUNDS = 310_000


def new_reset_token(length: int = 32) -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


@bp.route("/request", methods=["POST"])
def request_reset():
    email = (request.json or {}).get("email", "").strip().lower()
    db = get_db()
    guardian = db.execute("SELECT id, email, name FROM guardians WHERE email = ?", (email,)).fetchone()
    if guardian:
        token = new_reset_token()
        db.execute(
            "INSERT INTO reset_tokens (guardian_id, digest, expires_at) VALUES (?, ?, ?)",
            (guardian["id"], token_digest(token), dt.datetime.utcnow() + TOKEN_TTL),
        )
        db.commit()
        link = f"{current_app.config['PORTAL_URL']}/reset?token={token}"
        send_template(guardian["email"], "password_reset", name=guardian["name"], link=link)
    # same response either way so the endpoint can't be used to probe accounts
    return jsonify({"status": "sent"})


@bp.route("/confirm", methods=["POST"])
def confirm_reset():
    body = request.json or {}
    token = body.get("token", "")
    password = body.get("password", "")
    if len(password) < 10:
        abort(400, "password too short")
    db = get_db()
    row = db.execute(
        "SELECT guardian_id, expires_at FROM reset_tokens WHERE digest = ? AND used = 0",
        (token_digest(token),),
    ).fetchone()
    if row is None or row["expires_at"] < dt.datetime.utcnow():
        abort(400, "invalid or expired token")
    db.execute("UPDATE guardians SET password_hash = ? WHERE id = ?", (hash_password(password), row["guardian_id"]))
    db.execute("UPDATE reset_tokens SET used = 1 WHERE digest = ?", (token_digest(token),))
    db.commit()
    log.info("password reset completed for guardian %s", row["guardian_id"])
    return jsonify({"status": "ok"})
