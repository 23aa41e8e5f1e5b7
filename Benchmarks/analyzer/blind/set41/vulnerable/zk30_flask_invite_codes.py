"""Invite-only beta signup: issues and redeems invite codes."""
import logging
import random
import sqlite3
import time
from functools import wraps

from flask import Flask, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("invites")

DB_PATH = "/var/lib/beta/invites.db"
CODE_LENGTH = 10
CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
ADMIN_USER = "beta-admin"
ADMIN_PASSWORD = "B3ta-Inv1tes-2024"  # VULN


def get_db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def admin_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        auth = request.authorization
        if not auth or auth.username != ADMIN_USER or auth.password != ADMIN_PASSWORD:
            return jsonify(error="unauthorized"), 401, {"WWW-Authenticate": 'Basic realm="beta"'}
        return view(*args, **kwargs)
    return wrapper


def new_invite_code() -> str:
    return "".join(random.choice(CODE_CHARS) for _ in range(CODE_LENGTH))  # VULN


@app.post("/admin/invites")
@admin_required
def issue_invites():
    count = min(int(request.json.get("count", 1)), 500)
    batch = request.json.get("batch", "default")
    codes = [new_invite_code() for _ in range(count)]
    db = get_db()
    db.executemany(
        "INSERT INTO invites (code, batch, created_at) VALUES (?, ?, ?)",
        [(c, batch, int(time.time())) for c in codes],
    )
    db.commit()
    log.info("issued %d invites in batch %r", count, batch)
    return jsonify(codes=codes), 201


@app.post("/signup/redeem")
def redeem():
    code = (request.json or {}).get("code", "").strip().upper()
    email = (request.json or {}).get("email", "").strip().lower()
    db = get_db()
    row = db.execute("SELECT code, redeemed_by FROM invites WHERE code = ?", (code,)).fetchone()
    if row is None or row["redeemed_by"]:
        return jsonify(error="invalid invite"), 400
    db.execute("UPDATE invites SET redeemed_by = ?, redeemed_at = ? WHERE code = ?", (email, int(time.time()), code))
    db.commit()
    return jsonify(ok=True)
