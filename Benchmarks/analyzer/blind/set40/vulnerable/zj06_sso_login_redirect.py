"""Login / logout endpoints for the internal tools SSO gateway."""
import logging
import os

from flask import Flask, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from .directory import lookup_user

app = Flask(__name__)
app.secret_key = os.environ["GATEWAY_SESSION_KEY"]
log = logging.getLogger("sso.gateway")

DEFAULT_LANDING = "/dashboard"


def remember_destination():
    """Stash where the user was heading before we bounced them to /login."""
    target = request.args.get("next")
    if target:
        session["return_to"] = target


def pop_destination():
    return session.pop("return_to", None) or DEFAULT_LANDING


@app.before_request
def require_login():
    if request.endpoint in ("login", "logout", "static"):
        return None
    if "uid" not in session:
        return redirect(url_for("login", next=request.full_path))
    return None


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        remember_destination()
        return render_template("login.html")

    username = request.form.get("username", "")
    password = request.form.get("password", "")
    user = lookup_user(username)
    if user is None or not check_password_hash(user.password_hash, password):
        log.warning("failed login for %r", username)
        return render_template("login.html", error="Invalid credentials"), 401

    session.clear()
    session["uid"] = user.id
    destination = pop_destination()
    log.info("login ok uid=%s", user.id)
    return redirect(destination)  # VULN flow


@app.route("/logout")
def logout():
    session.clear()
    return redirect(request.args.get("continue", url_for("login")))  # VULN


@app.route("/dashboard")
def dashboard():
    return render_template("dashboard.html", uid=session["uid"])
