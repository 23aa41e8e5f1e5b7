"""Authentication for the hive telemetry mobile app API.

Members log in with their association number and passphrase and get a short
lived JWT; the app refreshes it in the background while the user is active.
"""
import datetime as dt
import hashlib
import hmac
import logging
import os
import sqlite3
from functools import wraps

import jwt
from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("mobile_auth")

JWT_SECRET = os.environ["MOBILE_JWT_SECRET"]
JWT_ALG = "HS256"
TOKEN_TTL = dt.timedelta(minutes=30)
DB_PATH = "/var/lib/apiary/members.db"


def passphrase_hash(salt: bytes, passphrase: str) -> str:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=2**14, r=8, p=1).hex()


def issue_token(member_no: str) -> str:
    now = dt.datetime.now(dt.timezone.utc)
    claims = {"sub": member_no, "iat": now, "exp": now + TOKEN_TTL, "scope": "telemetry:read"}
    return jwt.encode(claims, JWT_SECRET, algorithm=JWT_ALG)


def require_token(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return jsonify(error="missing token"), 401
        try:
            g.claims = jwt.decode(header[7:], JWT_SECRET, algorithms=[JWT_ALG])
        except jwt.PyJWTError:
            return jsonify(error="invalid token"), 401
        return view(*args, **kwargs)
    return wrapper


@app.post("/auth/login")
def login():
    body = request.get_json(silent=True) or {}
    member_no = str(body.get("member_no", "")).strip()
    passphrase = str(body.get("passphrase", ""))
    conn = sqlite3.connect(DB_PATH)
    row = conn.execute("SELECT pass_salt, pass_hash FROM members WHERE member_no = ?", (member_no,)).fetchone()
    conn.close()
    if row is None or not hmac.compare_digest(row[1], passphrase_hash(bytes.fromhex(row[0]), passphrase)):
        log.info("failed mobile login for member %r", member_no)
        return jsonify(error="invalid credentials"), 401
    return jsonify(token=issue_token(member_no), expires_in=int(TOKEN_TTL.total_seconds()))


@app.post("/auth/refresh")
@require_token
def refresh():
    return jsonify(token=issue_token(g.claims["sub"]), expires_in=int(TOKEN_TTL.total_seconds()))


@app.get("/me")
@require_token
def me():
    return jsonify(member_no=g.claims["sub"], scope=g.claims.get("scope"))
