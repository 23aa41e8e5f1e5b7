"""Customer accounts for the online wine shop: registration and password reset."""
import hashlib
import logging
import os
import secrets
from datetime import datetime, timedelta

from flask import Flask, abort, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import generate_password_hash

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["WINESHOP_DATABASE_URL"]
db = SQLAlchemy(app)
log = logging.getLogger("wineshop.accounts")

RESET_TTL = timedelta(minutes=30)


class Customer(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(254), unique=True, nullable=False)
    password_hash = db.Column(db.String(256), nullable=False)
    date_of_birth = db.Column(db.Date, nullable=False)
    reset_token = db.Column(db.String(64), index=True)
    reset_expires = db.Column(db.DateTime)


def hash_password(password):
    return generate_password_hash(password, method="scrypt")


def make_reset_token():
    return secrets.token_hex(16)


def token_digest(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def is_of_age(dob):
    today = datetime.utcnow().date()
    return (today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))) >= 18


@app.route("/account/register", methods=["POST"])
def register():
    data = request.get_json(force=True)
    email = str(data.get("email", "")).strip().lower()
    password = str(data.get("password", ""))
    try:
        dob = datetime.strptime(data.get("date_of_birth", ""), "%Y-%m-%d").date()
    except ValueError:
        abort(400, "date_of_birth must be YYYY-MM-DD")
    if "@" not in email or len(password) < 10:
        abort(400, "invalid email or weak password")
    if not is_of_age(dob):
        abort(403, "customers must be 18 or over")
    customer = Customer(email=email, password_hash=hash_password(password), date_of_birth=dob)
    db.session.add(customer)
    db.session.commit()
    return jsonify({"id": customer.id}), 201


@app.route("/account/reset", methods=["POST"])
def request_reset():
    email = str(request.get_json(force=True).get("email", "")).strip().lower()
    customer = Customer.query.filter_by(email=email).first()
    if customer is not None:
        token = make_reset_token()
        customer.reset_token = token_digest(token)
        customer.reset_expires = datetime.utcnow() + RESET_TTL
        db.session.commit()
        app.extensions["mailer"].send_reset(customer.email, token)
        log.info("reset issued for customer=%s", customer.id)
    return jsonify({"status": "if the account exists, an email was sent"})


@app.route("/account/reset/<token>", methods=["POST"])
def complete_reset(token):
    customer = Customer.query.filter_by(reset_token=token_digest(token)).first()
    if customer is None or customer.reset_expires < datetime.utcnow():
        abort(400, "invalid or expired token")
    password = str(request.get_json(force=True).get("password", ""))
    if len(password) < 10:
        abort(400, "weak password")
    customer.password_hash = hash_password(password)
    customer.reset_token = None
    db.session.commit()
    return jsonify({"status": "password updated"})
