"""Account registration and sign-in for the subcontractor bid portal."""
import hashlib
import hmac
import logging
import os
import sqlite3

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["BIDPORTAL_SECRET_KEY"]
app.config["SESSION_COOKIE_SECURE"] = True
app.config["SESSION_COOKIE_HTTPONLY"] = True

DB_PATH = "/var/lib/bidportal/accounts.db"
log = logging.getLogger("bidportal.accounts")
MIN_PASSWORD = 10
PBKDF2_ITERATIONS = 600_000


def db() -> sqlite3.Connection:
    con = sqlite3.connect(DB_PATH)
    con.row_factory = sqlite3.Row
    return con


def hash_password(password: str, salt: bytes = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
    return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    _, _, salt_hex, _ = stored.split("$")
    return hmac.compare_digest(hash_password(password, bytes.fromhex(salt_hex)), stored)


@app.route("/accounts", methods=["POST"])
def register():
    body = request.get_json(force=True)
    email = str(body.get("email", "")).strip().lower()
    company = str(body.get("company", "")).strip()
    password = str(body.get("password", ""))
    if "@" not in email or not company:
        return jsonify({"error": "email and company are required"}), 400
    if len(password) < MIN_PASSWORD:
        return jsonify({"error": f"password must be at least {MIN_PASSWORD} characters"}), 400
    with db() as con:
        exists = con.execute("SELECT 1 FROM accounts WHERE email = ?", (email,)).fetchone()
        if exists:
            return jsonify({"error": "account already exists"}), 409
        con.execute(
            "INSERT INTO accounts (email, company, password_hash, approved) VALUES (?, ?, ?, 0)",
            (email, company, hash_password(password)),
        )
    log.info("new subcontractor registration: %r", email)
    return jsonify({"status": "pending approval"}), 201


@app.route("/session", methods=["POST"])
def sign_in():
    body = request.get_json(force=True)
    email = str(body.get("email", "")).strip().lower()
    with db() as con:
        row = con.execute(
            "SELECT id, password_hash, approved FROM accounts WHERE email = ?", (email,)
        ).fetchone()
    if row is None or not verify_password(str(body.get("password", "")), row["password_hash"]):
        return jsonify({"error": "invalid credentials"}), 401
    if not row["approved"]:
        return jsonify({"error": "account awaiting approval"}), 403
    session.clear()
    session["account_id"] = row["id"]
    return jsonify({"status": "ok"})
