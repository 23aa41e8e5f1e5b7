"""Password reset flow for forum accounts."""
import hashlib
import logging
import os
import secrets
import smtplib
import time
from email.message import EmailMessage
from typing import Optional

from forum.db import get_conn

log = logging.getLogger("forum.reset")

RESET_TTL = 3600
SMTP_HOST = "smtp.mailhost.example"
SMTP_USER = "noreply@forum.example"
SMTP_PASSWORD = os.environ.get("FORUM_SMTP_PASSWORD", "")
BASE_URL = "https://forum.example"


def make_reset_token(user_id: int, email: str) -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def send_reset_mail(email: str, token: str) -> None:
    msg = EmailMessage()
    msg["From"] = SMTP_USER
    msg["To"] = email
    msg["Subject"] = "Reset your forum password"
    msg.set_content(
        "Someone asked to reset the password for this account.\n\n"
        f"Follow this link within an hour: {BASE_URL}/reset/{token}\n\n"
        "If it wasn't you, ignore this message."
    )
    with smtplib.SMTP(SMTP_HOST, 587, timeout=20) as smtp:
        smtp.starttls()
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(msg)


def request_reset(email: str) -> None:
    conn = get_conn()
    row = conn.execute("SELECT id, email FROM users WHERE lower(email) = lower(?)", (email,)).fetchone()
    if row is None:
        log.info("reset requested for unknown address")
        return
    token = make_reset_token(row["id"], row["email"])
    conn.execute(
        "INSERT INTO password_resets (user_id, token, expires_at) VALUES (?, ?, ?)",
        (row["id"], token_digest(token), int(time.time()) + RESET_TTL),
    )
    conn.commit()
    send_reset_mail(row["email"], token)


def consume_reset(token: str) -> Optional[int]:
    conn = get_conn()
    digest = token_digest(token)
    row = conn.execute(
        "SELECT user_id, expires_at FROM password_resets WHERE token = ? AND used = 0", (digest,)
    ).fetchone()
    if row is None or row["expires_at"] < time.time():
        return None
    conn.execute("UPDATE password_resets SET used = 1 WHERE token = ?", (digest,))
    conn.commit()
    return row["user_id"]
