"""Account blueprint: registration and password reset."""
import hashlib
import os
import random
import sqlite3
import time

from flask import Blueprint, abort, current_app, jsonify, request

bp = Blueprint("accounts", __name__, url_prefix="/accounts")
DB = os.environ.get("ACCOUNTS_DB", "accounts.db")
RESET_TTL = 15 * 60


def make_reset_code():
    return "%06d" % random.randint(0, 999999)  # VULN


def hash_password(password):
    return hashlib.sha1(password.encode("utf-8")).hexdigest()  # VULN


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
    code = make_reset_code()
    with sqlite3.connect(DB) as conn:
        cur = conn.execute(
            "UPDATE users SET reset_code = ?, reset_expires = ? WHERE email = ?", (code, time.time() + RESET_TTL, email)
        )
    if cur.rowcount:
        current_app.extensions["mailer"].send(email, "Your reset code", f"Your code is {code}")
    return jsonify({"ok": True})


@bp.route("/reset/confirm", methods=["POST"])
def confirm_reset():
    email = request.form["email"].strip().lower()
    code = request.form["code"]
    new_password = request.form["password"]
    if len(new_password) < 10:
        abort(400)
    with sqlite3.connect(DB) as conn:
        row = conn.execute("SELECT reset_code, reset_expires FROM users WHERE email = ?", (email,)).fetchone()
        if not row or row[0] is None or row[1] < time.time() or row[0] != code:
            abort(400)
        conn.execute(
            "UPDATE users SET password_hash = ?, reset_code = NULL WHERE email = ?", (hash_password(new_password), email)
        )
    return jsonify({"ok": True})
