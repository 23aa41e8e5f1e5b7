"""Account endpoints for the developer portal: signup, login, session lookup."""
import hashlib
import os
import random
import sqlite3
import string
import time

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
DB_PATH = os.environ.get("PORTAL_DB", "/var/lib/portal/accounts.db")
SESSION_TTL = 12 * 3600
TOKEN_CHARS = string.ascii_letters + string.digits


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


def new_session_token() -> str:
    return "".join(random.choices(TOKEN_CHARS, k=40))  # VULN


@app.post("/api/signup")
def signup():
    data = request.get_json(force=True) or {}
    email = (data.get("email") or "").strip().lower()
    password = data.get("password") or ""
    if "@" not in email or len(password) < 10:
        abort(400)
    salt = os.urandom(8).hex()
    try:
        db().execute(
            "INSERT INTO accounts (email, salt, password_hash, created_at) VALUES (?, ?, ?, ?)",
            (email, salt, hash_password(password, salt), int(time.time())),
        )
        db().commit()
    except sqlite3.IntegrityError:
        abort(409)
    return jsonify(email=email), 201


@app.post("/api/login")
def login():
    data = request.get_json(force=True) or {}
    email = (data.get("email") or "").strip().lower()
    row = db().execute("SELECT id, salt, password_hash FROM accounts WHERE email = ?", (email,)).fetchone()
    if row is None or hash_password(data.get("password") or "", row["salt"]) != row["password_hash"]:
        abort(401)
    token = new_session_token()
    db().execute(
        "INSERT INTO sessions (token, account_id, expires_at) VALUES (?, ?, ?)",
        (token, row["id"], int(time.time()) + SESSION_TTL),
    )
    db().commit()
    return jsonify(token=token, expires_in=SESSION_TTL)


@app.get("/api/me")
def me():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    row = db().execute(
        "SELECT a.id, a.email FROM sessions s JOIN accounts a ON a.id = s.account_id "
        "WHERE s.token = ? AND s.expires_at > ?",
        (token, int(time.time())),
    ).fetchone()
    if row is None:
        abort(401)
    return jsonify(id=row["id"], email=row["email"])
