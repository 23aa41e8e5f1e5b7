import os

from flask import Flask, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from accounts import find_user_by_email

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


@app.route("/login", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        user = find_user_by_email(request.form.get("email", "").strip().lower())
        if user and check_password_hash(user.password_hash, request.form.get("password", "")):
            session.clear()
            session["uid"] = user.id
            return redirect(request.args.get("next") or url_for("dashboard"))  # VULN
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
