import os

from flask import Flask, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from accounts.store import find_user

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html", next=request.args.get("next", ""))
    user = find_user(request.form["username"])
    if user is None or not check_password_hash(user.password_hash, request.form["password"]):
        return render_template("login.html", error="Invalid credentials"), 401
    session["user_id"] = user.id
    return redirect(request.form.get("next") or url_for("dashboard"))  # VULN


@app.route("/dashboard")
def dashboard():
    return render_template("dashboard.html")
