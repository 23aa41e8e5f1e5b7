"""Broker portal authentication views."""
import logging
import os
import sqlite3

from flask import Flask, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["PORTAL_SECRET_KEY"]
log = logging.getLogger("portal.auth")

DB_PATH = os.environ.get("PORTAL_DB", "/var/lib/portal/brokers.db")


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


def find_broker(email):
    return get_db().execute(
        "SELECT id, email, password_hash, agency_code, active FROM brokers WHERE email = ?",
        (email.lower(),),
    ).fetchone()


def landing_for(broker):
    return url_for("dashboard", agency=broker["agency_code"])


def credentials_ok(broker, password):
    return broker is not None and broker["active"] and check_password_hash(broker["password_hash"], password)


@app.route("/login", methods=["GET", "POST"])
def login():
    next_url = request.values.get("next", "")
    if request.method == "GET":
        return render_template("login.html", next=next_url)

    email = request.form.get("email", "")
    broker = find_broker(email)
    if not credentials_ok(broker, request.form.get("password", "")):
        log.warning("failed broker login for %r", email)
        return render_template("login.html", next=next_url, error="Invalid credentials"), 401

    session.clear()
    session["broker_id"] = broker["id"]
    session["agency"] = broker["agency_code"]
    destination = next_url or landing_for(broker)
    log.info("broker %s logged in", broker["id"])
    return redirect(destination)  # VULN flow


@app.route("/logout")
def logout():
    session.clear()
    return redirect(request.args.get("return_to", url_for("login")))  # VULN


@app.route("/dashboard/<agency>")
def dashboard(agency):
    if "broker_id" not in session:
        return redirect(url_for("login", next=request.path))
    if agency != session.get("agency"):
        return redirect(url_for("dashboard", agency=session["agency"]))
    return render_template("dashboard.html", agency=agency)
