"""Password reset via SMS one-time code (Flask)."""
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import time

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("auth.reset")

DB_PATH = os.environ.get("AUTH_DB", "/var/lib/auth/users.db")
SMS_API = "https://sms-gw.internal.example.com/v1/messages"
CODE_TTL = 600
MAX_TRIES = 5
PENDING: dict = {}


class UserRepo:
    def __init__(self, path: str):
        self.path = path

    def _conn(self):
        return sqlite3.connect(self.path)

    def by_login(self, login: str):
        with self._conn() as conn:
            return conn.execute("SELECT id, phone FROM users WHERE login = ?", (login,)).fetchone()

    def set_password(self, user_id: int, pw_hash: str) -> None:
        with self._conn() as conn:
            conn.execute("UPDATE users SET pw_hash = ?, pw_changed_at = ? WHERE id = ?",
                         (pw_hash, int(time.time()), user_id))


users = UserRepo(DB_PATH)


def generate_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2 ** 14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def send_sms(phone: str, text: str) -> None:
    resp = requests.post(
        SMS_API,
        json={"to": phone, "text": text, "sender": "ExampleID"},
        headers={"Authorization": f"Bearer {os.environ['SMS_GW_TOKEN']}"},
        timeout=10,
    )
    resp.raise_for_status()


@app.post("/password-reset/request")
def request_reset():
    login = (request.get_json(force=True) or {}).get("login", "")
    user = users.by_login(login)
    if user is not None:
        code = generate_code()
        PENDING[user[0]] = {"code": code, "expires": time.time() + CODE_TTL, "tries": 0}
        send_sms(user[1], f"Your Example reset code is {code}. It expires in 10 minutes.")
    # same answer whether or not the account exists
    return jsonify(sent=True)


@app.post("/password-reset/confirm")
def confirm_reset():
    body = request.get_json(force=True) or {}
    user = users.by_login(body.get("login", ""))
    entry = PENDING.get(user[0]) if user else None
    if entry is None or time.time() > entry["expires"] or entry["tries"] >= MAX_TRIES:
        abort(400, "code expired or invalid")
    if not hmac.compare_digest(str(body.get("code", "")), entry["code"]):
        entry["tries"] += 1
        abort(400, "code expired or invalid")
    new_password = body.get("new_password", "")
    if len(new_password) < 12:
        abort(422, "password must be at least 12 characters")
    users.set_password(user[0], hash_password(new_password))
    PENDING.pop(user[0], None)
    log.info("password reset completed for user id %d", user[0])
    return jsonify(ok=True)
