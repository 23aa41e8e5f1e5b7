"""Issues personal access tokens for the cluster REST gateway."""
import hashlib
import hmac
import os
import secrets
import sqlite3
import string
import time

from flask import Flask, g, jsonify, request

DB_PATH = os.environ.get("GATEWAY_DB", "/srv/gateway/gateway.db")
TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = 90 * 24 * 3600
PBKDF2_ROUNDS = 600_000

app = Flask(__name__)


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


def hash_password(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), PBKDF2_ROUNDS).hex()


def generate_token(length: int = 40) -> str:
    return "hpc_" + "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_credentials(username: str, password: str) -> bool:
    row = db().execute("SELECT salt, pw_hash FROM accounts WHERE username = ?", (username,)).fetchone()
    if row is None:
        return False
    salt, stored = row
    return hmac.compare_digest(hash_password(password, salt), stored)


@app.post("/accounts/<username>/password")
def set_password(username):
    body = request.get_json(force=True)
    if not check_credentials(username, body.get("current", "")):
        return jsonify(error="invalid credentials"), 401
    new = body.get("new", "")
    if len(new) < 12:
        return jsonify(error="password too short"), 400
    salt = os.urandom(16).hex()
    db().execute("UPDATE accounts SET salt = ?, pw_hash = ? WHERE username = ?", (salt, hash_password(new, salt), username))
    db().commit()
    return jsonify(ok=True)


@app.post("/tokens")
def issue_token():
    body = request.get_json(force=True)
    username = body.get("username", "")
    if not check_credentials(username, body.get("password", "")):
        return jsonify(error="invalid credentials"), 401
    token = generate_token()
    expires = int(time.time()) + TOKEN_TTL
    db().execute(
        "INSERT INTO tokens (digest, username, label, expires) VALUES (?, ?, ?, ?)",
        (token_digest(token), username, body.get("label", "")[:64], expires),
    )
    db().commit()
    return jsonify(token=token, expires=expires), 201


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()
