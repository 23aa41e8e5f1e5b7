"""Login flow for the customer account area."""
import os

from flask import Flask, flash, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["ACCOUNT_SECRET_KEY"]

USERS = {}  # populated from the accounts database at startup


def current_user():
    return session.get("user")


def next_destination(default_endpoint="dashboard"):
    target = request.form.get("next") or request.args.get("next")
    if not target:
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
    return redirect(destination)  # VULN flow


@app.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("login_form"))


@app.get("/")
def dashboard():
    if not current_user():
        return redirect(url_for("login_form", next=request.path))
    return render_template("dashboard.html", user=current_user())
