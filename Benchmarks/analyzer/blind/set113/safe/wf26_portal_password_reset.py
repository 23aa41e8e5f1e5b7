"""Password reset flow for the family portal (email link or SMS code)."""
import hashlib
import logging
import secrets
import sqlite3
import time

from flask import Flask, abort, g, jsonify, request
from werkzeug.security import generate_password_hash

app = Flask(__name__)
DB_PATH = "/var/lib/portal/portal.db"
RESET_TTL = 3600
PIN_TTL = 600
log = logging.getLogger("password_reset")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


def issue_reset_token(email: str) -> str:
    return secrets.token_urlsafe(32)


def issue_sms_pin() -> str:
    return f"{secrets.randbelow(1000000):06d}"


def fingerprint(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def send_reset_email(email: str, token: str) -> None:
    # handed to the notification service's outbox table
    with get_db() as db:
        db.execute("INSERT INTO outbox (channel, recipient, template, payload) VALUES (?, ?, ?, ?)",
                   ("email", email, "portal_reset", f"https://family.heritagefuneral.example/reset?t={token}"))


@app.route("/portal/password/forgot", methods=["POST"])
def forgot_password():
    email = (request.form.get("email") or "").strip().lower()
    account = get_db().execute(
        "SELECT id, phone FROM family_accounts WHERE email = ? AND is_active = 1", (email,)
    ).fetchone()
    if account is not None:
        account_id, phone = account
        use_sms = request.form.get("method") == "sms" and phone
        secret = issue_sms_pin() if use_sms else issue_reset_token(email)
        ttl = PIN_TTL if use_sms else RESET_TTL
        with get_db() as db:
            db.execute(
                "INSERT INTO password_resets (account_id, secret, expires_at) VALUES (?, ?, ?)",
                (account_id, fingerprint(secret), int(time.time()) + ttl),
            )
        if use_sms:
            with get_db() as db:
                db.execute("INSERT INTO outbox (channel, recipient, template, payload) VALUES (?, ?, ?, ?)",
                           ("sms", phone, "portal_reset_pin", secret))
        else:
            send_reset_email(email, secret)
    # same response either way so the form can't be used to probe accounts
    return jsonify(message="If that address is registered, reset instructions are on the way.")


@app.route("/portal/password/reset", methods=["POST"])
def reset_password():
    secret = (request.form.get("token") or "").strip()
    new_password = request.form.get("password") or ""
    if len(new_password) < 10:
        abort(400, "Password must be at least 10 characters")
    row = get_db().execute(
        "SELECT id, account_id FROM password_resets WHERE secret = ? AND used = 0 AND expires_at > ?",
        (fingerprint(secret), int(time.time())),
    ).fetchone()
    if row is None:
        abort(400, "This reset link has expired")
    with get_db() as db:
        db.execute("UPDATE family_accounts SET password_hash = ? WHERE id = ?",
                   (generate_password_hash(new_password), row[1]))
        db.execute("UPDATE password_resets SET used = 1 WHERE id = ?", (row[0],))
    return jsonify(message="Password updated")
