"""Login front-end for the line HMI web panels.

Operators badge in on the panel; supervisors can also use username/password.
After login the browser is sent back to the panel page it came from.
"""
import logging
import os
from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, redirect, render_template, request, session, url_for

from hmi.auth import verify_badge, verify_password

app = Flask(__name__)
app.secret_key = os.environ["HMI_SECRET_KEY"]
app.config.update(SESSION_COOKIE_HTTPONLY=True, PERMANENT_SESSION_LIFETIME=8 * 3600)

log = logging.getLogger("hmi.login")


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if "operator" not in session:
            return redirect(url_for("login", next=request.full_path))
        return view(*args, **kwargs)
    return wrapper


def _is_local_path(target):
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def post_login_target(form, args):
    target = form.get("next") or args.get("next")
    if not _is_local_path(target):
        target = url_for("panel", station="overview")
    return target


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html", next=request.args.get("next", ""))

    badge = request.form.get("badge")
    user = None
    if badge:
        user = verify_badge(badge)
    elif request.form.get("username"):
        user = verify_password(request.form["username"], request.form.get("password", ""))

    if user is None:
        return render_template("login.html", error="Login failed", next=request.form.get("next", "")), 401

    session["operator"] = user.id
    session["role"] = user.role
    dest = post_login_target(request.form, request.args)
    return redirect(dest)


@app.route("/logout")
def logout():
    session.clear()
    return redirect(url_for("login"))


@app.route("/panel/<station>")
@login_required
def panel(station):
    return render_template("panel.html", station=station, role=session.get("role"))
