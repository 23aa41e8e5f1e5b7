"""Password-reset flow for the customer support portal (Flask + SQLAlchemy)."""
import hashlib
import logging
import os
import secrets
import string
from datetime import datetime, timedelta

from flask import Flask, abort, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import generate_password_hash

from support.mail import send_template_email

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["SUPPORT_DB_URL"]
db = SQLAlchemy(app)
log = logging.getLogger("support.reset")

PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "https://support.example.com")
TOKEN_TTL = timedelta(minutes=30)
ALPHABET = string.ascii_letters + string.digits


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)


class ResetToken(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)
    token_hash = db.Column(db.String(64), unique=True, nullable=False)
    expires_at = db.Column(db.DateTime, nullable=False)
    used = db.Column(db.Boolean, default=False, nullable=False)


class ResetService:
    def new_token(self, length: int = 40) -> str:
        return "".join(secrets.choice(ALPHABET) for _ in range(length))

    @staticmethod
    def _digest(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def issue(self, user: User) -> str:
        token = self.new_token()
        expires = datetime.utcnow() + TOKEN_TTL
        db.session.add(ResetToken(user_id=user.id, token_hash=self._digest(token), expires_at=expires))
        db.session.commit()
        return token

    def redeem(self, token: str, new_password: str) -> bool:
        record = ResetToken.query.filter_by(token_hash=self._digest(token), used=False).first()
        if record is None or record.expires_at < datetime.utcnow():
            return False
        user = db.session.get(User, record.user_id)
        user.password_hash = generate_password_hash(new_password)
        record.used = True
        db.session.commit()
        return True


service = ResetService()


@app.post("/password/forgot")
def forgot_password():
    email = str((request.get_json(silent=True) or {}).get("email", "")).strip().lower()
    user = User.query.filter_by(email=email).first()
    if user is not None:
        token = service.issue(user)
        send_template_email(user.email, "password_reset", {"link": f"{PORTAL_BASE_URL}/reset/{token}"})
    return jsonify(status="If the account exists, a reset link has been sent.")


@app.post("/password/reset/<token>")
def reset_password(token):
    new_password = str((request.get_json(silent=True) or {}).get("password", ""))
    if len(new_password) < 12:
        abort(400, "password too short")
    if not service.redeem(token, new_password):
        abort(400, "invalid or expired link")
    return jsonify(status="password updated")
