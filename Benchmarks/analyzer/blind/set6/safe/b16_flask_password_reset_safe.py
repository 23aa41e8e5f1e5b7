import random
import secrets
import time

from flask import Flask, jsonify, request

from mailer import send_mail
from models import db, User, ResetToken

app = Flask(__name__)
TOKEN_TTL = 3600


def new_reset_token():
    return secrets.token_urlsafe(32)


def send_with_retry(to, subject, body, attempts=3):
    for attempt in range(attempts):
        try:
            return send_mail(to, subject, body)
        except ConnectionError:
            # jittered backoff so retries from many workers don't line up
            time.sleep((2 ** attempt) + random.uniform(0, 0.5))
    raise ConnectionError("mail relay unavailable")


@app.route("/password/forgot", methods=["POST"])
def forgot_password():
    email = (request.get_json(silent=True) or {}).get("email", "").lower()
    user = User.query.filter_by(email=email).first()
    if user is not None:
        token = new_reset_token()
        db.session.add(ResetToken(user_id=user.id, token=token, expires_at=time.time() + TOKEN_TTL))
        db.session.commit()
        send_with_retry(user.email, "Reset your password",
                        f"https://app.example.com/password/reset?token={token}")
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
