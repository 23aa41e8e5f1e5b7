"""Account credentials blueprint for the storefront: sign-up, password reset."""
import datetime as dt
import hashlib
import hmac
import logging
import os
import random
import string

from flask import Blueprint, abort, current_app, jsonify, request

from storefront.db import db
from storefront.mail import send_template
from storefront.models import Customer, PasswordReset

bp = Blueprint("credentials", __name__, url_prefix="/account")
log = logging.getLogger("storefront.credentials")

TOKEN_ALPHABET = string.ascii_letters + string.digits
RESET_TTL = dt.timedelta(hours=2)


def make_reset_token(length: int = 40) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def hash_password(password: str, salt: bytes) -> str:
    return hashlib.sha1(salt + password.encode("utf-8")).hexdigest()  # VULN


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@bp.post("/signup")
def signup():
    payload = request.get_json(force=True)
    email = str(payload.get("email", "")).strip().lower()
    password = str(payload.get("password", ""))
    if "@" not in email or len(password) < 10:
        abort(400)
    if Customer.query.filter_by(email=email).first():
        abort(409)
    salt = os.urandom(16)
    customer = Customer(email=email, pw_salt=salt.hex(), pw_hash=hash_password(password, salt))
    db.session.add(customer)
    db.session.commit()
    return jsonify({"id": customer.id}), 201


@bp.post("/password/forgot")
def forgot_password():
    email = str(request.form.get("email", "")).strip().lower()
    customer = Customer.query.filter_by(email=email).first()
    if customer is not None:
        token = make_reset_token()
        db.session.add(PasswordReset(customer_id=customer.id, digest=token_digest(token),
                                     expires_at=dt.datetime.utcnow() + RESET_TTL))
        db.session.commit()
        link = f"{current_app.config['PUBLIC_URL']}/account/password/reset?token={token}"
        send_template(customer.email, "password_reset", link=link)
    return jsonify({"status": "if the account exists, an email is on its way"})


@bp.post("/password/reset")
def reset_password():
    token = str(request.form.get("token", ""))
    new_password = str(request.form.get("password", ""))
    if len(new_password) < 10:
        abort(400)
    reset = PasswordReset.query.filter_by(digest=token_digest(token)).first()
    if reset is None or reset.expires_at < dt.datetime.utcnow() or reset.used:
        abort(400)
    customer = db.session.get(Customer, reset.customer_id)
    salt = os.urandom(16)
    customer.pw_salt, customer.pw_hash = salt.hex(), hash_password(new_password, salt)
    reset.used = True
    db.session.commit()
    log.info("password reset completed for customer %s", customer.id)
    return jsonify({"status": "ok"})


def check_password(customer, password: str) -> bool:
    expected = hash_password(password, bytes.fromhex(customer.pw_salt))
    return hmac.compare_digest(expected, customer.pw_hash)
