"""Password reset request endpoint with audit logging."""
import logging
import os
import secrets
import sqlite3
import time

from flask import Flask, jsonify, request

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
audit = logging.getLogger("audit.password_reset")
DB_PATH = os.environ.get("ACCOUNTS_DB", "accounts.db")
TOKEN_TTL = 3600


def extract_email(payload):
    email = (payload or {}).get("email", "")
    return email.strip().lower()


def lookup_account(email):
    with sqlite3.connect(DB_PATH) as conn:
        return conn.execute("SELECT id FROM accounts WHERE email = ?", (email,)).fetchone()


def store_token(account_id):
    token = secrets.token_urlsafe(32)
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(
            "INSERT INTO reset_tokens (account_id, token, expires_at) VALUES (?, ?, ?)",
            (account_id, token, int(time.time()) + TOKEN_TTL),
        )
    return token


def queue_reset_mail(email, token):
    # Hand-off to the mailer process happens through the outbox table.
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("INSERT INTO outbox (recipient, template, token) VALUES (?, 'reset', ?)", (email, token))


@app.route("/api/password-reset", methods=["POST"])
def request_reset():
    email = extract_email(request.get_json(silent=True))
    client = request.headers.get("X-Forwarded-For", request.remote_addr)
    audit.info("password reset requested for %r from %r", email, client)
    account = lookup_account(email)
    if account is None:
        audit.warning("password reset for unknown account %r", email)
    else:
        token = store_token(account[0])
        queue_reset_mail(email, token)
    # Same response either way so the endpoint does not reveal which emails exist.
    return jsonify({"status": "ok"}), 202
