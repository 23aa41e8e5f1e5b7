"""Partner portal for venues: login/logout and the session plumbing."""
import logging
import os
from typing import Optional
from urllib.parse import urlparse

from flask import Flask, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

from portal.accounts import find_partner

app = Flask(__name__)
app.secret_key = os.environ["PORTAL_SECRET_KEY"]
log = logging.getLogger("portal.auth")


def _default_landing() -> str:
    return url_for("dashboard")


def _local_target(value: Optional[str], default: str) -> str:
    """Only same-site absolute paths are accepted as redirect targets."""
    if not value or any(c.isspace() or ord(c) < 32 for c in value):
        return default
    value = value.replace("\\", "/")
    parts = urlparse(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//"):
        return default
    return value


@app.get("/login")
def login_form():
    # remember where the user was heading so we can send them back afterwards
    session["after_login"] = _local_target(request.args.get("next"), _default_landing())
    return render_template("login.html")


@app.post("/login")
def login():
    email = request.form.get("email", "").strip().lower()
    partner = find_partner(email)
    if partner is None or not check_password_hash(partner.password_hash, request.form.get("password", "")):
        log.info("failed login for %r", email)
        return render_template("login.html", error="Invalid email or password"), 401

    target = _local_target(session.pop("after_login", None), _default_landing())
    session["partner_id"] = partner.id
    session["venue"] = partner.venue_code
    log.info("partner %s logged in", partner.id)
    return redirect(target)


@app.get("/logout")
def logout():
    session.clear()
    return redirect(_local_target(request.args.get("return_to"), url_for("login_form")))


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
