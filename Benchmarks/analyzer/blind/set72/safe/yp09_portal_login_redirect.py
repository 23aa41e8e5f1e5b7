"""Patient portal authentication blueprint: password + SMS one-time code."""
import logging
from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from portal.models import Patient
from portal.otp import send_login_code, verify_login_code

bp = Blueprint("auth", __name__, url_prefix="/auth")
log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "/portal/home"


def is_local_path(target) -> bool:
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def remember_destination(target):
    if is_local_path(target):
        session["post_login_url"] = target


def landing_url() -> str:
    target = session.pop("post_login_url", None)
    return target if is_local_path(target) else DEFAULT_LANDING


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
    return redirect(destination)


@bp.route("/logout")
def logout():
    session.clear()
    if current_app.config.get("SSO_ENABLED"):
        return redirect(current_app.config["SSO_LOGOUT_URL"])
    return_to = request.args.get("return_to")
    return redirect(return_to if is_local_path(return_to) else url_for("auth.login"))
