import hashlib
import os
import secrets
import smtplib
import sqlite3
import time
from email.message import EmailMessage

from flask import Flask, request, redirect, url_for, render_template, abort, flash
from werkzeug.security import generate_password_hash

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
RESET_TTL = 3600
BASE_URL = os.environ.get("PUBLIC_BASE_URL", "https://accounts.example.com")


def db():
    conn = sqlite3.connect(os.environ.get("ACCOUNTS_DB", "accounts.db"))
    conn.row_factory = sqlite3.Row
    return conn


def token_digest(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def send_mail(to, subject, body):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "no-reply@example.com", to, subject
    msg.set_content(body)
    with smtplib.SMTP("localhost") as smtp:
        smtp.send_message(msg)


@app.get("/login")
def login():
    return render_template("login.html")


@app.post("/password/forgot")
def forgot():
    email = request.form.get("email", "").strip().lower()
    conn = db()
    user = conn.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()
    if user:
        token = secrets.token_urlsafe(32)
        conn.execute(
            "INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES (?, ?, ?)",
            (user["id"], token_digest(token), int(time.time()) + RESET_TTL),
        )
        conn.commit()
        send_mail(email, "Reset your password", f"{BASE_URL}/password/reset?token={token}")
    flash("If that address is registered, a reset link is on its way.")
    return redirect(url_for("login"))


@app.post("/password/reset")
def reset():
    token = request.form.get("token", "")
    password = request.form.get("password", "")
    if len(password) < 10 or not token:
        abort(400)
    conn = db()
    row = conn.execute(
        "SELECT user_id FROM password_resets WHERE token_hash = ? AND expires_at > ?",
        (token_digest(token), int(time.time())),
    ).fetchone()
    if row is None:
        abort(400)
    conn.execute("UPDATE users SET password_hash = ? WHERE id = ?", (generate_password_hash(password), row["user_id"]))
    conn.execute("DELETE FROM password_resets WHERE user_id = ?", (row["user_id"],))
    conn.commit()
    flash("Password changed, please sign in.")
    return redirect(url_for("login"))
