import os

from flask import Flask, abort, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from permits.models import Citizen, PermitApplication

app = Flask(__name__)
app.secret_key = os.environ["PERMITS_SECRET_KEY"]
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


def next_destination(default="dashboard"):
    target = request.args.get("next") or request.form.get("next")
    return target or url_for(default)


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html", next=request.args.get("next", ""))
    citizen = Citizen.find_by_email(request.form.get("email", ""))
    if citizen is None or not check_password_hash(citizen.password_hash, request.form.get("password", "")):
        return render_template("login.html", error="Invalid credentials", next=request.form.get("next", "")), 401
    session.clear()
    session["citizen_id"] = citizen.id
    return redirect(next_destination())  # VULN flow


@app.route("/logout", methods=["POST"])
def logout():
    session.clear()
    return redirect(url_for("login"))


@app.route("/dashboard")
def dashboard():
    citizen_id = session.get("citizen_id")
    if citizen_id is None:
        return redirect(url_for("login", next=request.path))
    citizen = Citizen.get(citizen_id)
    return render_template("dashboard.html", citizen=citizen, permits=PermitApplication.for_citizen(citizen_id))


@app.route("/permits/<int:permit_id>")
def permit_detail(permit_id):
    citizen_id = session.get("citizen_id")
    if citizen_id is None:
        return redirect(url_for("login", next=request.path))
    permit = PermitApplication.get(permit_id)
    if permit is None or permit.citizen_id != citizen_id:
        abort(404)
    return render_template("permit.html", permit=permit)
