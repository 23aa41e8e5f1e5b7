"""Password reset flow for wash-club members (web + app)."""
import hashlib
import hmac
import logging
import secrets
import sqlite3
import time

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("member_reset")

DB_PATH = "/var/lib/washclub/members.db"
CODE_TTL = 15 * 60
MAX_ATTEMPTS = 5


def db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
    return g.db


def send_sms(phone: str, text: str) -> None:
    # handed to the SMS gateway worker through the outbox table
    db().execute("INSERT INTO sms_outbox (phone, body, queued_at) VALUES (?, ?, ?)",
                 (phone, text, int(time.time())))


def make_reset_code() -> str:
    return "%06d" % secrets.randbelow(1_000_000)


def password_digest(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1)
    return "scrypt$" + salt.hex() + "$" + digest.hex()


@app.route("/members/reset/start", methods=["POST"])
def start_reset():
    phone = request.json.get("phone", "")
    row = db().execute("SELECT id FROM members WHERE phone = ?", (phone,)).fetchone()
    if row:
        code = make_reset_code()
        db().execute(
            "INSERT OR REPLACE INTO reset_codes (member_id, code, expires_at, attempts) VALUES (?, ?, ?, 0)",
            (row[0], code, int(time.time()) + CODE_TTL),
        )
        send_sms(phone, f"Your SparkleWash reset code is {code}")
        db().commit()
    # same answer either way so phone numbers can't be enumerated
    return jsonify(sent=True)


@app.route("/members/reset/finish", methods=["POST"])
def finish_reset():
    body = request.json
    phone, code, new_password = body.get("phone", ""), body.get("code", ""), body.get("password", "")
    if len(new_password) < 8:
        return jsonify(error="password too short"), 400
    row = db().execute(
        "SELECT m.id, r.code, r.expires_at, r.attempts FROM members m "
        "JOIN reset_codes r ON r.member_id = m.id WHERE m.phone = ?",
        (phone,),
    ).fetchone()
    if not row or row[2] < time.time() or row[3] >= MAX_ATTEMPTS:
        return jsonify(error="code expired"), 400
    if not hmac.compare_digest(str(code), row[1]):
        db().execute("UPDATE reset_codes SET attempts = attempts + 1 WHERE member_id = ?", (row[0],))
        db().commit()
        return jsonify(error="wrong code"), 400
    db().execute("UPDATE members SET pw_hash = ? WHERE id = ?", (password_digest(new_password), row[0]))
    db().execute("DELETE FROM reset_codes WHERE member_id = ?", (row[0],))
    db().commit()
    log.info("member %d reset their password", row[0])
    return jsonify(ok=True)
