"""Account service for the clinic booking app: login, token issue and role-gated admin routes."""
import hashlib
import hmac
import os
import sqlite3
from datetime import datetime, timedelta, timezone
from functools import wraps

import jwt
from flask import Flask, g, jsonify, request

app = Flask(__name__)
JWT_SECRET = os.environ["BOOKING_JWT_SECRET"]
DB = os.environ.get("BOOKING_DB", "booking.db")
PBKDF2_ROUNDS = 600_000


def db() -> sqlite3.Connection:
    if "conn" not in g:
        g.conn = sqlite3.connect(DB)
    return g.conn


def hash_password(password: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), PBKDF2_ROUNDS).hex()


def issue_token(user_id: int, role: str) -> str:
    now = datetime.now(timezone.utc)
    claims = {"sub": str(user_id), "role": role, "iat": now, "exp": now + timedelta(hours=8)}
    return jwt.encode(claims, JWT_SECRET, algorithm="HS256")


def read_claims(token: str) -> dict:
    return jwt.decode(token, JWT_SECRET, algorithms=["HS256"], options={"require": ["exp", "sub"]})


def require_role(*roles):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            header = request.headers.get("Authorization", "")
            if not header.startswith("Bearer "):
                return jsonify(error="missing token"), 401
            try:
                claims = read_claims(header[7:])
            except jwt.PyJWTError:
                return jsonify(error="invalid token"), 401
            if claims.get("role") not in roles:
                return jsonify(error="forbidden"), 403
            g.user_id = int(claims["sub"])
            return view(*args, **kwargs)
        return wrapper
    return decorator


@app.post("/login")
def login():
    body = request.get_json(force=True)
    row = db().execute(
        "SELECT id, role, pw_salt, pw_hash FROM users WHERE email = ?", (body.get("email", ""),)
    ).fetchone()
    if row is None:
        return jsonify(error="bad credentials"), 401
    user_id, role, salt, stored = row
    if not hmac.compare_digest(hash_password(body.get("password", ""), salt), stored):
        return jsonify(error="bad credentials"), 401
    return jsonify(token=issue_token(user_id, role))


@app.get("/admin/clinicians")
@require_role("admin")
def list_clinicians():
    rows = db().execute("SELECT id, name, specialty FROM clinicians ORDER BY name").fetchall()
    return jsonify([{"id": r[0], "name": r[1], "specialty": r[2]} for r in rows])


@app.delete("/admin/appointments/<int:appt_id>")
@require_role("admin", "receptionist")
def cancel_appointment(appt_id: int):
    db().execute("UPDATE appointments SET status = 'cancelled', cancelled_by = ? WHERE id = ?", (g.user_id, appt_id))
    db().commit()
    return "", 204
