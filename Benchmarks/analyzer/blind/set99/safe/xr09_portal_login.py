"""Tenant portal sign-in / sign-out views."""
import logging
from datetime import datetime, timezone
from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import login_user, logout_user

from portal.accounts import authenticate, record_login

auth = Blueprint("auth", __name__)
log = logging.getLogger("portal.auth")


def _default_landing() -> str:
    return url_for("dashboard.home")


def _is_local_path(target: str) -> bool:
    if not target or "\\" in target or not target.startswith("/") or target.startswith("//"):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def _next_target() -> str:
    target = request.values.get("next") or session.pop("after_login", None)
    return target if _is_local_path(target) else _default_landing()


@auth.route("/login", methods=["GET", "POST"])
def login():
    next_url = _next_target()
    if request.method == "POST":
        email = request.form.get("email", "").strip().lower()
        password = request.form.get("password", "")
        tenant = authenticate(email, password)
        if tenant is not None:
            login_user(tenant, remember=bool(request.form.get("remember")))
            session["last_login"] = datetime.now(timezone.utc).isoformat()
            record_login(tenant.id, request.remote_addr)
            return redirect(next_url)
        log.info("failed portal login for tenant id lookup")
        flash("Invalid email or password", "error")
    return render_template("auth/login.html", next=next_url)


@auth.route("/login/required")
def login_required_bounce():
    # called by the login manager's unauthorized handler
    session["after_login"] = request.args.get("from", "")
    return redirect(url_for("auth.login"))


@auth.route("/logout")
def logout():
    logout_user()
    session.clear()
    return_to = request.args.get("return_to", "/")
    return redirect(return_to if _is_local_path(return_to) else "/")
