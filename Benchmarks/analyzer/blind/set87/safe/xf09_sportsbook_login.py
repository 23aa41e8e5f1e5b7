"""Sportsbook sign-in / sign-out with return-to support for deep links."""
import logging
import os
from urllib.parse import urlparse

from flask import Flask, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from accounts import find_account_by_email

app = Flask(__name__)
app.secret_key = os.environ["SPORTSBOOK_SESSION_KEY"]
log = logging.getLogger("auth")


def _is_local_path(target: str) -> bool:
    if not target or "\\" in target:
        return False
    parsed = urlparse(target)
    return not parsed.scheme and not parsed.netloc and target.startswith("/") and not target.startswith("//")


def _post_login_target(default: str) -> str:
    target = request.values.get("next") or session.pop("return_to", None)
    return target if _is_local_path(target) else default


@app.before_request
def remember_deep_link():
    if request.endpoint in ("bet_history", "wallet") and "uid" not in session:
        session["return_to"] = request.full_path


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html", next=request.args.get("next", ""))

    email = request.form.get("email", "").strip().lower()
    account = find_account_by_email(email)
    if account is None or not check_password_hash(account.password_hash, request.form.get("password", "")):
        log.info("failed sign-in for account lookup")
        return render_template("login.html", error="Invalid credentials"), 401
    if account.self_excluded:
        return render_template("login.html", error="Account is self-excluded"), 403

    session.clear()
    session["uid"] = account.id
    destination = _post_login_target(url_for("lobby"))
    return redirect(destination)


@app.route("/logout")
def logout():
    session.clear()
    return_to = request.args.get("return_to", "/")
    return redirect(return_to if _is_local_path(return_to) else "/")


@app.route("/")
def lobby():
    return render_template("lobby.html")


@app.route("/bets")
def bet_history():
    if "uid" not in session:
        return redirect(url_for("login"))
    return render_template("bets.html")


@app.route("/wallet")
def wallet():
    if "uid" not in session:
        return redirect(url_for("login"))
    return render_template("wallet.html")
