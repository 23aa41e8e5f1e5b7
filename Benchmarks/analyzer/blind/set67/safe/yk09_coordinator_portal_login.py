"""Login/logout views for the site coordinator portal."""
import os
import sqlite3
from urllib.parse import urlparse

from flask import (Flask, flash, g, redirect, render_template, request,
                   session, url_for)
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["PORTAL_SECRET_KEY"]
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True)

DB_PATH = os.environ.get("PORTAL_DB", "/var/lib/portal/portal.sqlite")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def _load_user(email):
    return get_db().execute(
        "SELECT id, email, password_hash, site_code FROM coordinators WHERE email = ? AND active = 1",
        (email.strip().lower(),),
    ).fetchone()


def _local_target(url, fallback):
    if not url:
        return fallback
    url = url.replace("\\", "/")
    parsed = urlparse(url)
    if parsed.scheme or parsed.netloc or not url.startswith("/") or url.startswith("//"):
        return fallback
    return url


@app.route("/login", methods=["GET", "POST"])
def login():
    next_url = _local_target(request.values.get("next"), url_for("dashboard"))
    if request.method == "POST":
        user = _load_user(request.form.get("email", ""))
        if user and check_password_hash(user["password_hash"], request.form.get("password", "")):
            session.clear()
            session["uid"] = user["id"]
            session["site"] = user["site_code"]
            return redirect(next_url)
        flash("Invalid email or password")
    return render_template("login.html", next=next_url)


@app.route("/logout")
def logout():
    session.clear()
    return redirect(_local_target(request.args.get("return_to"), url_for("login")))


@app.route("/")
def dashboard():
    if "uid" not in session:
        return redirect(url_for("login", next=request.path))
    rows = get_db().execute(
        "SELECT participant_id, status, last_visit FROM participants WHERE site_code = ?",
        (session["site"],),
    ).fetchall()
    return render_template("dashboard.html", participants=rows)
