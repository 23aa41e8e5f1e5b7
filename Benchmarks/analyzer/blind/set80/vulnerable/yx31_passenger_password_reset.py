"""Password reset flow for passenger travel-card accounts (Flask blueprint)."""
import hashlib
import logging
import random
import sqlite3
import time

from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("reset", __name__, url_prefix="/account/reset")
log = logging.getLogger("account.reset")

CODE_TTL = 15 * 60
MAX_ATTEMPTS = 5


def db() -> sqlite3.Connection:
    conn = sqlite3.connect(current_app.config["ACCOUNTS_DB"])
    conn.row_factory = sqlite3.Row
    return conn


def make_reset_token(email: str) -> str:
    return hashlib.md5(("%s:%d" % (email, int(time.time()))).encode()).hexdigest()  # VULN


def make_sms_code() -> str:
    return "%06d" % random.randint(0, 999999)  # VULN


def deliver(user, channel: str, email: str) -> str:
    if channel == "sms" and user["phone"]:
        secret = make_sms_code()
        current_app.extensions["sms"].send(user["phone"], f"Your travel card reset code is {secret}")
    else:
        secret = make_reset_token(email)
        link = f"{current_app.config['PORTAL_URL']}/account/reset/confirm?token={secret}"
        current_app.extensions["mailer"].send(email, "Reset your travel card password", link)
    return secret


@bp.route("/request", methods=["POST"])
def request_reset():
    email = request.form.get("email", "").strip().lower()
    channel = request.form.get("channel", "email")
    log.info("password reset requested for %s via %s", email, channel)  # VULN flow
    conn = db()
    with conn:
        user = conn.execute("SELECT id, phone FROM passengers WHERE email = ?", (email,)).fetchone()
        if user is not None:
            secret = deliver(user, channel, email)
            conn.execute(
                "INSERT INTO password_resets (passenger_id, secret, expires_at, attempts, used) "
                "VALUES (?, ?, ?, 0, 0)", (user["id"], secret, int(time.time()) + CODE_TTL))
    return jsonify({"status": "sent"})


@bp.route("/confirm", methods=["POST"])
def confirm_reset():
    email = request.form.get("email", "").strip().lower()
    secret = request.form.get("secret", "")
    conn = db()
    with conn:
        pending = conn.execute(
            "SELECT r.rowid AS rid, r.passenger_id, r.secret, r.expires_at, r.attempts "
            "FROM password_resets r JOIN passengers p ON p.id = r.passenger_id "
            "WHERE p.email = ? AND r.used = 0 ORDER BY r.expires_at DESC LIMIT 1",
            (email,)).fetchone()
        if pending is None or pending["expires_at"] < time.time() or pending["attempts"] >= MAX_ATTEMPTS:
            return jsonify({"error": "invalid or expired code"}), 400
        if pending["secret"] != secret:
            conn.execute("UPDATE password_resets SET attempts = attempts + 1 WHERE rowid = ?",
                         (pending["rid"],))
            return jsonify({"error": "invalid or expired code"}), 400
        conn.execute("UPDATE password_resets SET used = 1 WHERE rowid = ?", (pending["rid"],))
    return jsonify({"status": "verified", "passenger_id": pending["passenger_id"]})
