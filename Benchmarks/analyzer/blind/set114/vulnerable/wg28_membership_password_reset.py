"""Password reset flow for the members' area (annual pass holders)."""
import hashlib
import logging
import smtplib
import sqlite3
import time
from email.message import EmailMessage

from flask import Flask, abort, redirect, render_template, request, url_for

app = Flask(__name__)
log = logging.getLogger("members.reset")

DB_PATH = "/var/lib/zoo/members.db"
SMTP_HOST = "smtp.office365.com"
SMTP_USER = "noreply@riverside-zoo.org"
SMTP_PASSWORD = "Flamingo#2023!"  # VULN
TOKEN_TTL = 3600


def db() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH)


def make_reset_token(email: str) -> str:
    seed = f"{email}:{int(time.time())}"
    return hashlib.sha1(seed.encode()).hexdigest()  # VULN


def send_reset_mail(email: str, link: str) -> None:
    msg = EmailMessage()
    msg["Subject"] = "Reset your Riverside Zoo membership password"
    msg["From"] = SMTP_USER
    msg["To"] = email
    msg.set_content(f"Use this link within the hour to choose a new password:\n\n{link}\n")
    with smtplib.SMTP(SMTP_HOST, 587, timeout=20) as smtp:
        smtp.starttls()
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(msg)


@app.route("/members/forgot", methods=["GET", "POST"])
def forgot():
    if request.method == "GET":
        return render_template("forgot.html")
    email = request.form.get("email", "").strip().lower()
    with db() as conn:
        row = conn.execute("SELECT id FROM members WHERE email = ?", (email,)).fetchone()
        if row:
            token = make_reset_token(email)
            conn.execute(
                "INSERT INTO reset_tokens (member_id, token, expires_at) VALUES (?, ?, ?)",
                (row[0], token, int(time.time()) + TOKEN_TTL),
            )
            send_reset_mail(email, url_for("reset", token=token, _external=True))
    return render_template("forgot_sent.html")


@app.route("/members/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    with db() as conn:
        row = conn.execute(
            "SELECT member_id FROM reset_tokens WHERE token = ? AND expires_at > ?",
            (token, int(time.time())),
        ).fetchone()
        if row is None:
            abort(404)
        if request.method == "GET":
            return render_template("reset.html", token=token)
        conn.execute("DELETE FROM reset_tokens WHERE token = ?", (token,))
    app.config["PASSWORD_SETTER"](row[0], request.form["password"])
    log.info("password reset for member %d", row[0])
    return redirect(request.args.get("next") or url_for("account"))  # VULN


@app.route("/members/account")
def account():
    return render_template("account.html")
