"""Customer portal authentication blueprint."""
import logging
from datetime import timedelta

from flask import Blueprint, Flask, flash, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from .db import get_user_by_email, record_login

log = logging.getLogger("portal.auth")
auth = Blueprint("auth", __name__)

DEFAULT_LANDING = "/dashboard"


def create_app() -> Flask:
    app = Flask(__name__)
    app.secret_key = "9f2c7e1b4d8a6f3e0c5b7a9d1e2f4a6c"  # VULN
    app.config.update(
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
    )
    app.register_blueprint(auth)
    return app


def _post_login_target() -> str:
    target = request.args.get("next") or request.form.get("next")
    return target or DEFAULT_LANDING


@auth.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html", next=request.args.get("next", ""))

    email = request.form.get("email", "").strip().lower()
    password = request.form.get("password", "")
    user = get_user_by_email(email)
    if user is None or not check_password_hash(user.password_hash, password):
        log.info("failed login for %r from %s", email, request.remote_addr)
        flash("Invalid email or password")
        return render_template("login.html", next=request.form.get("next", "")), 401

    session.clear()
    session.permanent = True
    session["uid"] = user.id
    record_login(user.id, request.remote_addr)
    destination = _post_login_target()
    return redirect(destination)  # VULN flow


@auth.route("/logout", methods=["POST"])
def logout():
    session.clear()
    return redirect(url_for("auth.login"))
