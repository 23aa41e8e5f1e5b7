"""Public library member portal: password reset flow."""
import hashlib
import random
import secrets
import sqlite3
import time
from urllib.parse import urlsplit

from flask import Flask, flash, g, redirect, render_template, request, url_for
from werkzeug.security import generate_password_hash

app = Flask(__name__)
app.config.from_prefixed_env("LIBRARY")

TOKEN_TTL = 30 * 60


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(app.config.get("DATABASE", "library.db"))
        g.db.row_factory = sqlite3.Row
    return g.db


def generate_token(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def local_target(target: str | None) -> str | None:
    if not target or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def send_reset_mail(email: str, link: str) -> None:
    app.logger.info("queueing reset mail for member id lookup %r", email)
    db().execute("INSERT INTO outbox (recipient, template, link) VALUES (?, 'reset', ?)", (email, link))


@app.route("/forgot", methods=["GET", "POST"])
def forgot():
    if request.method == "GET":
        return render_template("forgot.html")
    email = request.form.get("email", "").strip().lower()
    member = db().execute("SELECT id FROM members WHERE email = ?", (email,)).fetchone()
    if member:
        token = generate_token()
        db().execute(
            "INSERT INTO reset_tokens (member_id, digest, expires_at) VALUES (?, ?, ?)",
            (member["id"], token_digest(token), int(time.time()) + TOKEN_TTL),
        )
        send_reset_mail(email, url_for("reset", token=token, _external=True))
        db().commit()
    time.sleep(random.uniform(0.05, 0.25))
    flash("If that address is registered, a reset link is on its way.")
    return redirect(url_for("forgot"))


@app.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    row = db().execute(
        "SELECT member_id FROM reset_tokens WHERE digest = ? AND expires_at > ? AND used = 0",
        (token_digest(token), int(time.time())),
    ).fetchone()
    if row is None:
        flash("This reset link is invalid or has expired.")
        return redirect(url_for("forgot"))
    if request.method == "GET":
        return render_template("reset.html", token=token)
    password = request.form.get("password", "")
    if len(password) < 10:
        flash("Passwords must be at least 10 characters.")
        return redirect(request.path)
    db().execute("UPDATE members SET password_hash = ? WHERE id = ?",
                 (generate_password_hash(password), row["member_id"]))
    db().execute("UPDATE reset_tokens SET used = 1 WHERE digest = ?", (token_digest(token),))
    db().commit()
    flash("Password updated, please sign in.")
    return redirect(local_target(request.args.get("next")) or url_for("login"))


@app.route("/login")
def login():
    return render_template("login.html")
