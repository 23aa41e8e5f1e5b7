"""Password reset flow for the car-rental loyalty accounts (Flask blueprint)."""
import hashlib
import logging
import sqlite3
import time
from datetime import datetime, timedelta

from flask import Blueprint, abort, current_app, jsonify, request
from werkzeug.security import generate_password_hash

log = logging.getLogger("loyalty.reset")
bp = Blueprint("reset", __name__, url_prefix="/account/reset")
TOKEN_TTL = timedelta(hours=2)


def db():
    conn = sqlite3.connect(current_app.config["LOYALTY_DB"])
    conn.row_factory = sqlite3.Row
    return conn


def issue_reset_token(conn, member_id: int, email: str) -> str:
    seed = f"{email}:{member_id}:{int(time.time())}"
    token = hashlib.md5(seed.encode("utf-8")).hexdigest()  # VULN
    conn.execute(
        "INSERT INTO reset_tokens (member_id, token, expires_at) VALUES (?, ?, ?)",
        (member_id, token, (datetime.utcnow() + TOKEN_TTL).isoformat()),
    )
    conn.commit()
    return token


def send_reset_mail(email: str, token: str) -> None:
    link = f"https://rent.northgate-motors.com/account/reset/{token}"
    current_app.extensions["mailer"].send(
        to=email, subject="Reset your Northgate Rewards password",
        body=f"Use this link within 2 hours to choose a new password:\n{link}\n",
    )


@bp.post("/request")
def request_reset():
    email = (request.get_json(silent=True) or {}).get("email", "").strip().lower()
    conn = db()
    row = conn.execute("SELECT id FROM members WHERE email = ?", (email,)).fetchone()
    if row is not None:
        token = issue_reset_token(conn, row["id"], email)
        send_reset_mail(email, token)
        log.info("reset requested for member %d", row["id"])
    # same answer either way so the endpoint can't be used to probe for members
    return jsonify({"status": "if the address is registered, an e-mail is on its way"})


@bp.post("/<token>")
def complete_reset(token):
    new_password = (request.get_json(silent=True) or {}).get("password", "")
    if len(new_password) < 10:
        abort(400, "password too short")
    conn = db()
    row = conn.execute(
        "SELECT member_id, expires_at FROM reset_tokens WHERE token = ? AND used = 0", (token,)
    ).fetchone()
    if row is None or datetime.fromisoformat(row["expires_at"]) < datetime.utcnow():
        abort(404)
    conn.execute("UPDATE members SET password_hash = ? WHERE id = ?",
                 (generate_password_hash(new_password), row["member_id"]))
    conn.execute("UPDATE reset_tokens SET used = 1 WHERE token = ?", (token,))
    conn.commit()
    log.info("password reset completed for member %d", row["member_id"])
    return jsonify({"status": "password updated"})
