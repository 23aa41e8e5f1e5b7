"""Partner portal for venues: login/logout and the session plumbing."""
import logging
import os

from flask import Flask, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from portal.accounts import find_partner

app = Flask(__name__)
app.secret_key = os.environ["PORTAL_SECRET_KEY"]
log = logging.getLogger("portal.auth")


def _default_landing() -> str:
    return url_for("dashboard")


@app.get("/login")
def login_form():
    # remember where the user was heading so we can send them back afterwards
    session["after_login"] = request.args.get("next") or _default_landing()
    return render_template("login.html")


@app.post("/login")
def login():
    email = request.form.get("email", "").strip().lower()
    partner = find_partner(email)
    if partner is None or not check_password_hash(partner.password_hash, request.form.get("password", "")):
        log.info("failed login for %r", email)
        return render_template("login.html", error="Invalid email or password"), 401

    target = session.pop("after_login", None) or _default_landing()
    session["partner_id"] = partner.id
    session["venue"] = partner.venue_code
    log.info("partner %s logged in", partner.id)
    return redirect(target)  # VULN flow


@app.get("/logout")
def logout():
    session.clear()
    return redirect(request.args.get("return_to") or url_for("login_form"))  # VULN


@app.get("/dashboard")
def dashboard():
    if "partner_id" not in session:
        return redirect(url_for("login_form", next=request.path))
    return render_template("dashboard.html", venue=session.get("venue"))


@app.get("/bookings")
def bookings():
    if "partner_id" not in session:
        return redirect(url_for("login_form", next=request.full_path))
    return render_template("bookings.html", venue=session.get("venue"))
