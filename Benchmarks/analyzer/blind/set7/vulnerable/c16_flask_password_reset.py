import hashlib
import os
import random
import string
import time

from flask import Flask, jsonify, request

from accounts.db import get_user_by_email, load_reset, save_reset, set_password_hash
from accounts.mailer import send_reset_mail

app = Flask(__name__)
RESET_TTL = 3600


def make_token(length=32):
    alphabet = string.ascii_letters + string.digits
    return "".join(random.choice(alphabet) for _ in range(length))  # VULN


def hash_password(password, salt):
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


@app.route("/password/forgot", methods=["POST"])
def forgot():
    email = (request.get_json(silent=True) or {}).get("email", "")
    user = get_user_by_email(email)
    if user is not None:
        token = make_token()
        save_reset(user.id, token, expires=time.time() + RESET_TTL)
        send_reset_mail(user.email, f"https://accounts.example.com/reset?token={token}")
    return jsonify(status="if the account exists, a mail has been sent")


@app.route("/password/reset", methods=["POST"])
def reset():
    body = request.get_json(silent=True) or {}
    record = load_reset(body.get("token", ""))
    if record is None or record.expires < time.time():
        return jsonify(error="invalid or expired token"), 400
    new_pw = body.get("password", "")
    if len(new_pw) < 12:
        return jsonify(error="password too short"), 400
    salt = os.urandom(8).hex()
    set_password_hash(record.user_id, salt, hash_password(new_pw, salt))
    return jsonify(status="password updated")
