"""Password reset and SMS verification for the customer portal."""
import hashlib
import hmac
import logging
import os
import random
import sqlite3
import string
import time

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("portal.reset")

DB_PATH = os.environ.get("PORTAL_DB", "/var/lib/portal/accounts.db")
SMS_GATEWAY = os.environ.get("SMS_GATEWAY_URL", "https://sms.gateway.example/api/send")
TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = 30 * 60
MAX_ATTEMPTS = 5


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def new_reset_token(length: int = 40) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def new_sms_code() -> str:
    return "%06d" % random.randint(0, 999999)  # VULN


def send_sms(phone: str, text: str) -> None:
    resp = requests.post(SMS_GATEWAY, json={"to": phone, "body": text},
                         headers={"Authorization": f"Bearer {os.environ['SMS_API_TOKEN']}"},
                         timeout=10)
    resp.raise_for_status()


@app.post("/password-reset")
def request_reset():
    account_no = (request.json or {}).get("account_no", "")
    with db() as conn:
        row = conn.execute("SELECT phone FROM accounts WHERE account_no = ?", (account_no,)).fetchone()
        if row is None:
            return jsonify({"status": "sent"})
        token = new_reset_token()
        code = new_sms_code()
        conn.execute(
            "INSERT INTO reset_requests (account_no, token_sha256, sms_code, expires_at) VALUES (?, ?, ?, ?)",
            (account_no, hashlib.sha256(token.encode()).hexdigest(), code, time.time() + TOKEN_TTL),
        )
    send_sms(row["phone"], f"Your City Water verification code is {code}")
    log.info("reset requested for account %r", account_no)
    return jsonify({"status": "sent", "reset_token": token})


@app.post("/password-reset/confirm")
def confirm_reset():
    body = request.json or {}
    token_hash = hashlib.sha256(body.get("reset_token", "").encode()).hexdigest()
    with db() as conn:
        row = conn.execute(
            "SELECT account_no, sms_code, expires_at, attempts FROM reset_requests WHERE token_sha256 = ?",
            (token_hash,),
        ).fetchone()
        if row is None or row["expires_at"] < time.time() or row["attempts"] >= MAX_ATTEMPTS:
            return jsonify({"error": "invalid or expired"}), 400
        if not hmac.compare_digest(row["sms_code"], str(body.get("sms_code", ""))):
            conn.execute("UPDATE reset_requests SET attempts = attempts + 1 WHERE token_sha256 = ?",
                         (token_hash,))
            return jsonify({"error": "invalid or expired"}), 400
        conn.execute("DELETE FROM reset_requests WHERE token_sha256 = ?", (token_hash,))
    return jsonify({"status": "verified", "account_no": row["account_no"]})
