"""Patron accounts service for the members' priority booking window."""
import hashlib
import hmac
import logging
import os
import sqlite3

from flask import Flask, g, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["MEMBERS_SECRET_KEY"]
app.config["SESSION_COOKIE_SECURE"] = True
log = logging.getLogger("members")

DB = "/var/lib/boxoffice/members.db"
PBKDF2_ROUNDS = 310_000


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB)
    return g.db


def hash_password(password: str, salt: bytes = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return salt.hex() + "$" + digest.hex()


def check_password(stored: str, candidate: str) -> bool:
    salt_hex, _ = stored.split("$", 1)
    return hmac.compare_digest(stored, hash_password(candidate, bytes.fromhex(salt_hex)))


@app.post("/members/register")
def register():
    data = request.get_json(force=True)
    email = data["email"].strip().lower()
    password = data["password"]
    if len(password) < 10:
        return jsonify(error="password must be at least 10 characters"), 400
    try:
        db().execute(
            "INSERT INTO members (email, password_hash, tier) VALUES (?, ?, ?)",
            (email, hash_password(password), "friend"),
        )
        db().commit()
    except sqlite3.IntegrityError:
        return jsonify(error="already registered"), 409
    return jsonify(ok=True), 201


@app.post("/members/login")
def member_login():
    data = request.get_json(force=True)
    email = data.get("email", "").strip().lower()
    row = db().execute(
        "SELECT id, password_hash, tier FROM members WHERE email = ?", (email,)
    ).fetchone()
    if row is None or not check_password(row[1], data.get("password", "")):
        log.info("member login failed for %r", email)
        return jsonify(error="invalid credentials"), 401
    session["member_id"], session["tier"] = row[0], row[2]
    return jsonify(ok=True, tier=row[2])


@app.get("/members/priority-window")
def priority_window():
    tier = session.get("tier")
    if tier is None:
        return jsonify(error="login required"), 401
    opens = {"patron": "-14d", "friend": "-7d"}.get(tier, "0d")
    return jsonify(tier=tier, opens=opens)
