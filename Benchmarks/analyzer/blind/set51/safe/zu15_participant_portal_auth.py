"""Account handling for the study-participant portal (questionnaires, consent forms)."""
import hashlib
import hmac
import secrets
import sqlite3
import string
import time

from flask import Flask, g, jsonify, request

app = Flask(__name__)
DB = "/srv/portal/participants.db"
SESSION_TTL = 8 * 3600
_TOKEN_CHARS = string.ascii_letters + string.digits


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB)
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def hash_password(password: str, salt: str) -> str:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=bytes.fromhex(salt), n=2**14, r=8, p=1, dklen=32
    ).hex()


def new_session_token() -> str:
    return "".join(secrets.choice(_TOKEN_CHARS) for _ in range(32))


@app.route("/register", methods=["POST"])
def register():
    data = request.get_json(force=True) or {}
    pid = str(data.get("participant_id", "")).strip()
    password = data.get("password", "")
    if not pid or len(password) < 10:
        return jsonify(error="participant id and a 10+ character password required"), 400
    salt = secrets.token_hex(16)
    try:
        db().execute(
            "INSERT INTO participants (participant_id, salt, pw_hash) VALUES (?, ?, ?)",
            (pid, salt, hash_password(password, salt)),
        )
        db().commit()
    except sqlite3.IntegrityError:
        return jsonify(error="already registered"), 409
    return jsonify(ok=True), 201


@app.route("/login", methods=["POST"])
def login():
    data = request.get_json(force=True) or {}
    pid = str(data.get("participant_id", "")).strip()
    row = db().execute(
        "SELECT salt, pw_hash FROM participants WHERE participant_id = ?", (pid,)
    ).fetchone()
    if row is None or not hmac.compare_digest(hash_password(data.get("password", ""), row[0]), row[1]):
        return jsonify(error="invalid credentials"), 401
    token = new_session_token()
    db().execute(
        "INSERT INTO sessions (token, participant_id, expires) VALUES (?, ?, ?)",
        (token, pid, int(time.time()) + SESSION_TTL),
    )
    db().commit()
    return jsonify(token=token, expires_in=SESSION_TTL)
