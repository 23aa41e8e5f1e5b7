"""Password reset flow for voter self-service accounts (absentee requests,
ballot tracking alerts, address updates)."""
import hashlib
import logging
import os
import secrets
import sqlite3
import string
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("voter_accounts")

DB_PATH = "/var/lib/civic/accounts.db"
TOKEN_TTL = 3600
ALPHABET = string.ascii_letters + string.digits
PBKDF2_ITERATIONS = 600_000


def db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def make_reset_token(length: int = 32) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
    return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"


def send_reset_email(email: str, token: str) -> None:
    # handed off to the outbound mail relay via the jobs table
    with db() as conn:
        conn.execute(
            "INSERT INTO mail_jobs (recipient, template, payload) VALUES (?, ?, ?)",
            (email, "password_reset", token),
        )


@app.post("/account/forgot")
def forgot_password():
    email = (request.form.get("email") or "").strip().lower()
    with db() as conn:
        row = conn.execute("SELECT id FROM accounts WHERE email = ?", (email,)).fetchone()
        if row is not None:
            token = make_reset_token()
            conn.execute(
                "INSERT INTO reset_tokens (account_id, token, expires_at) VALUES (?, ?, ?)",
                (row["id"], token, int(time.time()) + TOKEN_TTL),
            )
            send_reset_email(email, token)
    # same response either way so the endpoint can't be used to enumerate voters
    return jsonify(message="If that address is registered, a reset link is on its way.")


@app.post("/account/reset")
def reset_password():
    token = request.form.get("token", "")
    new_password = request.form.get("password", "")
    if len(new_password) < 12:
        abort(400, "password must be at least 12 characters")
    with db() as conn:
        row = conn.execute(
            "SELECT account_id, expires_at FROM reset_tokens WHERE token = ? AND used = 0", (token,)
        ).fetchone()
        if row is None or row["expires_at"] < time.time():
            abort(400, "reset link is invalid or expired")
        conn.execute("UPDATE accounts SET password_hash = ? WHERE id = ?", (hash_password(new_password), row["account_id"]))
        conn.execute("UPDATE reset_tokens SET used = 1 WHERE token = ?", (token,))
    log.info("password reset for account %s", row["account_id"])
    return jsonify(message="Password updated.")
