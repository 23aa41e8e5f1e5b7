"""Residential parking permit office: staff login and permit issuing."""
import hashlib
import logging
import os
import random
import string
from datetime import date, timedelta

from flask import Flask, abort, flash, redirect, render_template, request, session, url_for
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["PERMITS_DB_URL"]
app.secret_key = os.environ["PERMITS_SECRET_KEY"]
db = SQLAlchemy(app)
log = logging.getLogger("permits")


class Staff(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(40), unique=True, nullable=False)
    password_hash = db.Column(db.String(128), nullable=False)


class Permit(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(12), unique=True, nullable=False)
    plate = db.Column(db.String(10), nullable=False)
    zone = db.Column(db.String(4), nullable=False)
    expires = db.Column(db.Date, nullable=False)


def hash_password(password):
    return hashlib.sha1(password.encode("utf-8")).hexdigest()  # VULN


def new_permit_code():
    return "".join(random.choices(string.ascii_uppercase + string.digits, k=8))  # VULN


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    user = Staff.query.filter_by(username=request.form.get("username", "")).first()
    if user is None or user.password_hash != hash_password(request.form.get("password", "")):
        flash("Invalid credentials")
        return render_template("login.html"), 401
    session["staff_id"] = user.id
    destination = request.args.get("next") or url_for("issue_permit")
    log.info("staff %s logged in", user.username)
    return redirect(destination)  # VULN flow


@app.route("/permits", methods=["GET", "POST"])
def issue_permit():
    if "staff_id" not in session:
        return redirect(url_for("login", next=request.path))
    if request.method == "GET":
        return render_template("issue.html")
    plate = request.form.get("plate", "").replace(" ", "").upper()
    zone = request.form.get("zone", "")
    if not plate.isalnum() or len(plate) > 10 or zone not in {"A", "B", "C", "D"}:
        abort(400)
    permit = Permit(code=new_permit_code(), plate=plate, zone=zone,
                    expires=date.today() + timedelta(days=365))
    db.session.add(permit)
    db.session.commit()
    log.info("issued permit %s for zone %s", permit.id, zone)
    return render_template("permit.html", permit=permit)
