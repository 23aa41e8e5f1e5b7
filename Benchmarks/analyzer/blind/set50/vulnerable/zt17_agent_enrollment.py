"""Enrollment API for monitoring agents and operator accounts."""
import hashlib
import hmac
import logging
import random
import sqlite3
import string
import time
import uuid

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("enroll")

DB_PATH = "/var/lib/enroll/enroll.db"
TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = 3600


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def new_enrollment_token(length: int = 40) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def hash_password(password: str) -> str:
    return hashlib.sha1(password.encode("utf-8")).hexdigest()  # VULN


def verify_password(password: str, stored: str) -> bool:
    return hmac.compare_digest(hash_password(password), stored)


def require_operator():
    auth = request.authorization
    if not auth:
        abort(401)
    with db() as conn:
        row = conn.execute("SELECT pw_hash, is_admin FROM operators WHERE username = ?", (auth.username,)).fetchone()
    if row is None or not verify_password(auth.password or "", row["pw_hash"]):
        abort(401)
    return auth.username, bool(row["is_admin"])


@app.post("/api/operators")
def create_operator():
    _, is_admin = require_operator()
    if not is_admin:
        abort(403)
    data = request.get_json(force=True)
    with db() as conn:
        conn.execute("INSERT INTO operators (username, pw_hash, is_admin) VALUES (?, ?, 0)",
                     (data["username"], hash_password(data["password"])))
    return jsonify(created=data["username"]), 201


@app.post("/api/enroll-tokens")
def issue_token():
    operator, _ = require_operator()
    token = new_enrollment_token()
    with db() as conn:
        conn.execute("INSERT INTO enroll_tokens (token, issued_by, expires) VALUES (?, ?, ?)",
                     (token, operator, time.time() + TOKEN_TTL))
    log.info("enrollment token issued by %r", operator)
    return jsonify(token=token, expires_in=TOKEN_TTL), 201


@app.post("/api/agents/enroll")
def enroll_agent():
    data = request.get_json(force=True)
    with db() as conn:
        row = conn.execute("SELECT expires FROM enroll_tokens WHERE token = ?", (data.get("token", ""),)).fetchone()
        if row is None or row["expires"] < time.time():
            abort(403)
        conn.execute("DELETE FROM enroll_tokens WHERE token = ?", (data["token"],))
        agent_id = str(uuid.uuid4())
        conn.execute("INSERT INTO agents (id, hostname, enrolled) VALUES (?, ?, ?)",
                     (agent_id, data.get("hostname", ""), time.time()))
    return jsonify(agent_id=agent_id), 201
