import random
import string
import time

from flask import Flask, jsonify, request

from mailer import send_mail
from models import db, User, ResetToken

app = Flask(__name__)
ALPHABET = string.ascii_letters + string.digits
TOKEN_TTL = 3600


def new_reset_token():
    return "".join(random.choice(ALPHABET) for _ in range(32))  # VULN


@app.route("/password/forgot", methods=["POST"])
def forgot_password():
    email = (request.get_json(silent=True) or {}).get("email", "").lower()
    user = User.query.filter_by(email=email).first()
    if user is not None:
        token = new_reset_token()
        db.session.add(ResetToken(user_id=user.id, token=token, expires_at=time.time() + TOKEN_TTL))
        db.session.commit()
        send_mail(user.email, "Reset your password",
                  f"https://app.example.com/password/reset?token={token}")
    # same answer either way so we don't leak which emails exist
    return jsonify(status="sent")


@app.route("/password/reset", methods=["POST"])
def reset_password():
    data = request.get_json(silent=True) or {}
    rt = ResetToken.query.filter_by(token=data.get("token", "")).first()
    if rt is None or rt.expires_at < time.time():
        return jsonify(error="invalid or expired token"), 400
    rt.user.set_password(data.get("password", ""))
    db.session.delete(rt)
    db.session.commit()
    return jsonify(status="ok")
