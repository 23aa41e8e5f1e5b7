"""Password reset and SMS login codes for the member app."""
import datetime as dt
import hashlib
import logging
import os
import secrets
import sqlite3
import string

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("reset")

DB_PATH = os.environ.get("MEMBERS_DB", "members.db")
MAILER_URL = os.environ.get("MAILER_URL", "https://mailer.gymhub.internal/send")
SMS_URL = os.environ.get("SMS_URL", "https://sms.gymhub.internal/send")
TOKEN_TTL = dt.timedelta(minutes=30)


def generate_reset_token(length: int = 32) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


def generate_sms_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def _db():
    return sqlite3.connect(DB_PATH)


def _store(kind: str, member_id: int, secret: str):
    expires = (dt.datetime.utcnow() + TOKEN_TTL).isoformat()
    digest = hashlib.sha256(secret.encode()).hexdigest()
    with _db() as conn:
        conn.execute(
            "INSERT INTO auth_tokens (member_id, kind, digest, expires_at) VALUES (?, ?, ?, ?)",
            (member_id, kind, digest, expires),
        )


def _lookup_member(email: str):
    with _db() as conn:
        return conn.execute("SELECT id, phone FROM members WHERE email = ?", (email.lower(),)).fetchone()


@app.route("/password/forgot", methods=["POST"])
def forgot_password():
    email = (request.form.get("email") or "").strip()
    member = _lookup_member(email)
    if member:
        token = generate_reset_token()
        _store("reset", member[0], token)
        link = f"https://app.gymhub.example.com/reset?token={token}"
        requests.post(MAILER_URL, json={"to": email, "template": "reset", "link": link}, timeout=10)
    else:
        log.info("reset requested for unknown address %r", email)
    return jsonify(message="If the address exists, a reset link was sent.")


@app.route("/login/sms", methods=["POST"])
def sms_login():
    email = (request.form.get("email") or "").strip()
    member = _lookup_member(email)
    if member and member[1]:
        code = generate_sms_code()
        _store("sms", member[0], code)
        requests.post(SMS_URL, json={"to": member[1], "text": f"Your GymHub code: {code}"}, timeout=10)
    return jsonify(message="If the account has a phone number, a code was sent.")


if __name__ == "__main__":
    app.run()
