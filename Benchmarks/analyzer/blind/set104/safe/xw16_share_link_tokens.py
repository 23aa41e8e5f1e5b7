"""Time-limited share links for embargoed photographs (press and rights review).

Staff create a link for an asset; the recipient needs the link token and a
six-digit PIN sent separately by e-mail.
"""
import hmac
import os
import secrets
import sqlite3
import string
import time
from functools import wraps

from flask import Flask, abort, g, jsonify, request, send_file, session

app = Flask(__name__)
app.secret_key = os.environ["SHARE_APP_SECRET"]
DB_PATH = os.environ.get("SHARE_DB", "/srv/photolib/shares.db")
ASSET_ROOT = "/srv/photolib/embargoed"
TOKEN_ALPHABET = string.ascii_letters + string.digits
DEFAULT_TTL = 7 * 24 * 3600


def new_token(length: int = 32) -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))


def new_pin() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


def staff_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("staff_id"):
            abort(401)
        return view(*args, **kwargs)
    return wrapper


@app.post("/assets/<int:asset_id>/share")
@staff_required
def create_share(asset_id: int):
    ttl = min(int(request.form.get("ttl", DEFAULT_TTL)), 30 * 24 * 3600)
    token, pin = new_token(), new_pin()
    with db() as conn:
        conn.execute(
            "INSERT INTO shares (token, pin, asset_id, created_by, expires) VALUES (?, ?, ?, ?, ?)",
            (token, pin, asset_id, session["staff_id"], int(time.time()) + ttl),
        )
    return jsonify(url=f"/share/{token}", pin=pin, expires_in=ttl), 201


@app.get("/share/<token>")
def open_share(token: str):
    row = db().execute(
        "SELECT s.pin, s.expires, a.filename FROM shares s JOIN assets a ON a.id = s.asset_id "
        "WHERE s.token = ?", (token,)
    ).fetchone()
    if row is None or row["expires"] < time.time():
        abort(404)
    if not hmac.compare_digest(request.args.get("pin", ""), row["pin"]):
        abort(403)
    return send_file(os.path.join(ASSET_ROOT, row["filename"]), as_attachment=False)


@app.teardown_appcontext
def close_db(exc):
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()
