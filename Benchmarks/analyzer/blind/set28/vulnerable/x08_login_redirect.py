"""Login and logout views for the customer portal."""
import logging
import os
import sqlite3

from flask import Flask, flash, redirect, render_template, request, session, url_for
from flask_wtf.csrf import CSRFProtect
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["PORTAL_SECRET_KEY"],
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
)
csrf = CSRFProtect(app)
log = logging.getLogger("portal.auth")

USERS_DB = os.environ.get("PORTAL_USERS_DB", "/var/lib/portal/users.db")


def find_user(email: str):
    with sqlite3.connect(USERS_DB) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(
            "SELECT id, email, password_hash FROM users WHERE email = ?",
            (email.strip().lower(),),
        ).fetchone()


def post_login_target() -> str:
    candidate = request.args.get("next") or session.pop("next_url", None)
    return candidate or url_for("dashboard")


@app.get("/login")
def login_form():
    if "next" in request.args:
        session["next_url"] = request.args["next"]
    return render_template("login.html")


@app.post("/login")
def login():
    email = request.form.get("email", "")
    password = request.form.get("password", "")
    user = find_user(email)
    if user is None or not check_password_hash(user["password_hash"], password):
        log.info("failed login for %r", email)
        flash("Invalid email or password.")
        return redirect(url_for("login_form"))
    target = post_login_target()
    session.clear()
    session["user_id"] = user["id"]
    log.info("user %s logged in", user["id"])
    return redirect(target)  # VULN flow


@app.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("login_form"))


@app.get("/")
def dashboard():
    if "user_id" not in session:
        return redirect(url_for("login_form"))
    return render_template("dashboard.html", user_id=session["user_id"])
