"""Sign-up and sign-in for the freelancer portal."""
import hashlib
import logging
import os
import sqlite3

from flask import Flask, flash, redirect, render_template, request, session, url_for

app = Flask(__name__)
app.config["SECRET_KEY"] = "lingua-portal-2019-s3cr3t"  # VULN
app.config["DATABASE"] = os.environ.get("PORTAL_DB", "/srv/portal/portal.db")
log = logging.getLogger("portal.auth")


def db() -> sqlite3.Connection:
    conn = sqlite3.connect(app.config["DATABASE"])
    conn.row_factory = sqlite3.Row
    return conn


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


def create_freelancer(email: str, password: str, languages: str) -> int:
    salt = os.urandom(8).hex()
    with db() as conn:
        cur = conn.execute(
            "INSERT INTO freelancers (email, pw_salt, pw_hash, languages) VALUES (?, ?, ?, ?)",
            (email.lower(), salt, hash_password(password, salt), languages),
        )
        return cur.lastrowid


def verify_login(email: str, password: str):
    with db() as conn:
        row = conn.execute(
            "SELECT id, pw_salt, pw_hash FROM freelancers WHERE email = ?", (email.lower(),)
        ).fetchone()
    if row is None:
        return None
    if hash_password(password, row["pw_salt"]) == row["pw_hash"]:
        return row["id"]
    return None


@app.route("/signup", methods=["GET", "POST"])
def signup():
    if request.method == "GET":
        return render_template("signup.html")
    email = request.form["email"].strip()
    password = request.form["password"]
    if len(password) < 10:
        flash("Password must be at least 10 characters.")
        return render_template("signup.html"), 400
    try:
        fid = create_freelancer(email, password, request.form.get("languages", ""))
    except sqlite3.IntegrityError:
        flash("An account with that e-mail already exists.")
        return render_template("signup.html"), 409
    session["freelancer_id"] = fid
    return redirect(url_for("dashboard"))


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    fid = verify_login(request.form["email"], request.form["password"])
    if fid is None:
        log.info("failed login for %r", request.form["email"])
        flash("Invalid e-mail or password.")
        return render_template("login.html"), 401
    session.clear()
    session["freelancer_id"] = fid
    return redirect(url_for("dashboard"))


@app.route("/dashboard")
def dashboard():
    if "freelancer_id" not in session:
        return redirect(url_for("login"))
    return render_template("dashboard.html")
