"""Authentication blueprint for the internal procurement portal."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user
from werkzeug.security import check_password_hash

from .models import User

bp = Blueprint("auth", __name__, url_prefix="/auth")


def post_login_target():
    return request.values.get("next") or url_for("dashboard.home")


def find_user(email):
    return User.query.filter_by(email=email.strip().lower(), active=True).first()


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = find_user(request.form.get("email", ""))
        password = request.form.get("password", "")
        if user is not None and check_password_hash(user.password_hash, password):
            login_user(user, remember=bool(request.form.get("remember")))
            target = post_login_target()
            return redirect(target)  # VULN flow
        flash("Invalid email or password.", "error")
    return render_template("auth/login.html", next=request.args.get("next", ""))


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    flash("You have been signed out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/switch-account", methods=["POST"])
@login_required
def switch_account():
    logout_user()
    return redirect(url_for("auth.login", next=url_for("dashboard.home")))
