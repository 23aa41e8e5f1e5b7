"""Login flow for the customer account area."""
import os
from urllib.parse import urlsplit

from flask import Flask, flash, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["ACCOUNT_SECRET_KEY"]

USERS = {}  # populated from the accounts database at startup


def current_user():
    return session.get("user")


def is_local_path(target):
    if not target.startswith("/") or target.startswith("//"):
        return False
    if "\\" in target or any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def next_destination(default_endpoint="dashboard"):
    target = request.form.get("next") or request.args.get("next")
    if not target or not is_local_path(target):
        return url_for(default_endpoint)
    return target


@app.get("/login")
def login_form():
    if current_user():
        return redirect(url_for("dashboard"))
    return render_template("login.html", next=request.args.get("next", ""))


@app.post("/login")
def login():
    email = request.form.get("email", "").strip().lower()
    password = request.form.get("password", "")
    record = USERS.get(email)
    if record is None or not check_password_hash(record["password_hash"], password):
        flash("Invalid email or password")
        return redirect(url_for("login_form"))
    session.clear()
    session["user"] = email
    destination = next_destination()
    return redirect(destination)


@app.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("login_form"))


@app.get("/")
def dashboard():
    if not current_user():
        return redirect(url_for("login_form", next=request.path))
    return render_template("dashboard.html", user=current_user())
