import hashlib
import secrets
import time

from flask import Flask, jsonify, request
from werkzeug.security import generate_password_hash

from accounts.db import consume_reset, get_user_by_email, save_reset, set_password_hash
from accounts.mailer import send_reset_mail

app = Flask(__name__)
RESET_TTL = 3600


def make_token():
    return secrets.token_urlsafe(32)


def token_digest(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@app.route("/password/forgot", methods=["POST"])
def forgot():
    email = (request.get_json(silent=True) or {}).get("email", "")
    user = get_user_by_email(email)
    if user is not None:
        token = make_token()
        save_reset(user.id, token_digest(token), expires=time.time() + RESET_TTL)
        send_reset_mail(user.email, f"https://accounts.example.com/reset?token={token}")
    return jsonify(status="if the account exists, a mail has been sent")


@app.route("/password/reset", methods=["POST"])
def reset():
    body = request.get_json(silent=True) or {}
    record = consume_reset(token_digest(str(body.get("token", ""))))
    if record is None or record.expires < time.time():
        return jsonify(error="invalid or expired token"), 400
    new_pw = str(body.get("password", ""))
    if len(new_pw) < 12:
        return jsonify(error="password too short"), 400
    set_password_hash(record.user_id, generate_password_hash(new_pw))
    return jsonify(status="password updated")
