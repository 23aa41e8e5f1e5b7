"""Member portal for the "Harbour Rewards" loyalty programme."""
import os
import sqlite3

from flask import Flask, flash, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["REWARDS_PORTAL_SECRET"]
DB_PATH = os.environ.get("REWARDS_DB", "/var/lib/rewards/members.db")


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect(DB_PATH)
        g.db.row_factory = sqlite3.Row
    return g.db


@app.teardown_appcontext
def close_db(_exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


def authenticate(email: str, password: str):
    row = get_db().execute(
        "SELECT id, password_hash, tier FROM members WHERE email = ? AND active = 1",
        (email.lower(),),
    ).fetchone()
    if row and check_password_hash(row["password_hash"], password):
        return row
    return None


@app.route("/login", methods=["GET", "POST"])
def login():
    next_url = request.values.get("next") or url_for("dashboard")
    if request.method == "GET":
        return render_template("login.html", next=next_url)

    member = authenticate(request.form.get("email", ""), request.form.get("password", ""))
    if member is None:
        flash("Invalid email or password")
        return render_template("login.html", next=next_url), 401

    session.clear()
    session["member_id"] = member["id"]
    session["tier"] = member["tier"]
    return redirect(next_url)  # VULN flow


@app.route("/dashboard")
def dashboard():
    if "member_id" not in session:
        return redirect(url_for("login", next=request.path))
    row = get_db().execute(
        "SELECT first_name, points_balance, tier FROM members WHERE id = ?",
        (session["member_id"],),
    ).fetchone()
    return render_template("dashboard.html", member=row)


@app.route("/logout")
def logout():
    session.clear()
    return redirect(request.args.get("return_to") or url_for("login"))  # VULN
