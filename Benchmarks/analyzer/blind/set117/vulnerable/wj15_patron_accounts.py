"""Patron accounts service for the members' priority booking window."""
import hashlib
import hmac
import logging
import sqlite3

from flask import Flask, g, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "friends-of-the-playhouse-7f3a91"  # VULN
app.config["SESSION_COOKIE_SECURE"] = True
log = logging.getLogger("members")

DB = "/var/lib/boxoffice/members.db"


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(DB)
    return g.db


def hash_password(password: str) -> str:
    return hashlib.sha1(password.encode("utf-8")).hexdigest()  # VULN


def check_password(stored: str, candidate: str) -> bool:
    return hmac.compare_digest(stored, hash_password(candidate))


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
