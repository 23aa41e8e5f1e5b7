"""Patient portal authentication blueprint: password + SMS one-time code."""
import logging

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from portal.models import Patient
from portal.otp import send_login_code, verify_login_code

bp = Blueprint("auth", __name__, url_prefix="/auth")
log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/portal/home"


def remember_destination(target):
    if target:
        session["post_login_url"] = target


def landing_url() -> str:
    return session.pop("post_login_url", None) or DEFAULT_LANDING


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        remember_destination(request.args.get("next"))
        return render_template("auth/login.html")

    email = request.form.get("email", "").strip().lower()
    patient = Patient.query.filter_by(email=email).first()
    if patient is None or not check_password_hash(patient.password_hash, request.form.get("password", "")):
        log.info("failed portal login")
        return render_template("auth/login.html", error="Invalid email or password"), 401

    session["pending_patient_id"] = patient.id
    send_login_code(patient)
    return redirect(url_for("auth.verify"))


@bp.route("/verify", methods=["GET", "POST"])
def verify():
    pending = session.get("pending_patient_id")
    if pending is None:
        return redirect(url_for("auth.login"))
    if request.method == "GET":
        return render_template("auth/verify.html")

    if not verify_login_code(pending, request.form.get("code", "")):
        return render_template("auth/verify.html", error="Code did not match"), 401

    session.pop("pending_patient_id")
    session["patient_id"] = pending
    session.permanent = True
    destination = landing_url()
    log.info("patient %s logged in", pending)
    return redirect(destination)  # VULN flow


@bp.route("/logout")
def logout():
    session.clear()
    if current_app.config.get("SSO_ENABLED"):
        return redirect(current_app.config["SSO_LOGOUT_URL"])
    return redirect(request.args.get("return_to") or url_for("auth.login"))  # VULN
