"""Login and logout views for the customer portal."""
import os
import sqlite3

from flask import Flask, flash, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["PORTAL_SECRET_KEY"]
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
DB_PATH = os.environ.get("PORTAL_DB", "portal.db")


def find_user(email):
    with sqlite3.connect(DB_PATH) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(
            "SELECT id, email, password_hash FROM users WHERE email = ?", (email,)
        ).fetchone()


def authenticate(email, password):
    user = find_user(email)
    if user and check_password_hash(user["password_hash"], password):
        return user
    return None


def after_login_target():
    target = request.values.get("next")
    if not target:
        target = url_for("dashboard")
    return target


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html", next=request.args.get("next", ""))
    user = authenticate(request.form.get("email", ""), request.form.get("password", ""))
    if user is None:
        flash("Invalid email or password.")
        return render_template("login.html", next=request.form.get("next", "")), 401
    session.clear()
    session["user_id"] = user["id"]
    destination = after_login_target()
    return redirect(destination)  # VULN flow


@app.route("/logout")
def logout():
    session.clear()
    return redirect(url_for("login"))


@app.route("/dashboard")
def dashboard():
    if "user_id" not in session:
        return redirect(url_for("login"))
    return render_template("dashboard.html")
