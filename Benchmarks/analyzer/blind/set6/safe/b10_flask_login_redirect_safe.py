import os
from urllib.parse import urlparse

from flask import Flask, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from accounts import find_user_by_email

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def safe_next(target):
    """Only allow relative, same-site paths as post-login destinations."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("dashboard")
    if any(ch.isspace() or ord(ch) < 32 for ch in target):
        return url_for("dashboard")
    parts = urlparse(target)
    if parts.scheme or parts.netloc:
        return url_for("dashboard")
    return target


@app.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        user = find_user_by_email(request.form.get("email", "").strip().lower())
        if user and check_password_hash(user.password_hash, request.form.get("password", "")):
            session.clear()
            session["uid"] = user.id
            return redirect(safe_next(request.args.get("next")))
        error = "Invalid email or password"
    return render_template("login.html", error=error)


@app.route("/logout")
def logout():
    session.clear()
    return redirect(url_for("login"))


@app.route("/")
def dashboard():
    if "uid" not in session:
        return redirect(url_for("login", next=request.path))
    return render_template("dashboard.html")
