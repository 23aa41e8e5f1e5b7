"""Account blueprint: registration and password reset."""
import hashlib
import hmac
import os
import secrets
import sqlite3
import time

from flask import Blueprint, abort, current_app, jsonify, request

bp = Blueprint("accounts", __name__, url_prefix="/accounts")
DB = os.environ.get("ACCOUNTS_DB", "accounts.db")
RESET_TTL = 15 * 60
PBKDF2_ROUNDS = 600_000


def make_reset_token():
    return secrets.token_urlsafe(32)


def token_digest(token):
    return hashlib.sha256(token.encode("ascii", "ignore")).hexdigest()


def hash_password(password):
    salt = secrets.token_bytes(16)
    dk = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return "pbkdf2_sha256$%d$%s$%s" % (PBKDF2_ROUNDS, salt.hex(), dk.hex())


@bp.route("/register", methods=["POST"])
def register():
    email = request.form["email"].strip().lower()
    password = request.form["password"]
    if len(password) < 10:
        abort(400)
    with sqlite3.connect(DB) as conn:
        conn.execute("INSERT INTO users (email, password_hash) VALUES (?, ?)", (email, hash_password(password)))
    return jsonify({"ok": True}), 201


@bp.route("/reset", methods=["POST"])
def request_reset():
    email = request.form["email"].strip().lower()
    token = make_reset_token()
    with sqlite3.connect(DB) as conn:
        cur = conn.execute(
            "UPDATE users SET reset_code = ?, reset_expires = ? WHERE email = ?",
            (token_digest(token), time.time() + RESET_TTL, email),
        )
    if cur.rowcount:
        current_app.extensions["mailer"].send(email, "Your reset link", f"https://app.example.com/reset#{token}")
    return jsonify({"ok": True})


@bp.route("/reset/confirm", methods=["POST"])
def confirm_reset():
    email = request.form["email"].strip().lower()
    token = request.form["token"]
    new_password = request.form["password"]
    if len(new_password) < 10:
        abort(400)
    with sqlite3.connect(DB) as conn:
        row = conn.execute("SELECT reset_code, reset_expires FROM users WHERE email = ?", (email,)).fetchone()
        if not row or row[0] is None or row[1] < time.time():
            abort(400)
        if not hmac.compare_digest(row[0], token_digest(token)):
            abort(400)
        conn.execute(
            "UPDATE users SET password_hash = ?, reset_code = NULL WHERE email = ?", (hash_password(new_password), email)
        )
    return jsonify({"ok": True})
