"""Login / logout flow for the supplier self-service portal."""
import logging
from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for

from portal.accounts import authenticate, record_login

bp = Blueprint("auth", __name__)
log = logging.getLogger("portal.auth")

DEFAULT_LANDING = "portal.dashboard"


def is_local_path(dest):
    if not dest or not dest.startswith("/") or dest.startswith("//") or "\\" in dest:
        return False
    if any(ch.isspace() or ord(ch) < 32 for ch in dest):
        return False
    parts = urlsplit(dest)
    return not parts.scheme and not parts.netloc


def remember_destination():
    dest = request.args.get("next")
    if dest and is_local_path(dest):
        session["post_login_dest"] = dest


def pop_destination():
    dest = session.pop("post_login_dest", None)
    return dest if is_local_path(dest) else url_for(DEFAULT_LANDING)


@bp.route("/login", methods=["GET"])
def login_form():
    remember_destination()
    return render_template("auth/login.html")


@bp.route("/login", methods=["POST"])
def login_submit():
    email = request.form.get("email", "").strip().lower()
    password = request.form.get("password", "")
    user = authenticate(email, password)
    if user is None:
        flash("Invalid email or password", "error")
        return redirect(url_for("auth.login_form"))

    dest = session.get("post_login_dest")
    session.clear()
    session["user_id"] = user.id
    session["vendor_id"] = user.vendor_id
    if dest:
        session["post_login_dest"] = dest
    record_login(user, request.remote_addr)
    target = pop_destination()
    return redirect(target)


@bp.route("/logout")
def logout():
    session.clear()
    flash("You have been signed out", "info")
    return_to = request.args.get("return_to")
    return redirect(return_to if is_local_path(return_to) else url_for("auth.login_form"))
