"""Password reset flow for the storefront customer accounts."""
import hashlib
import logging
import os
import secrets
import smtplib
import sqlite3
import time
from email.message import EmailMessage

log = logging.getLogger("shop.accounts.reset")

DB_PATH = "storefront.db"
SMTP_HOST = "smtp.mailprovider.net"
SMTP_USER = "noreply@shop.example.com"
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
RESET_URL = "https://shop.example.com/account/reset?token={token}"
TOKEN_TTL = 30 * 60


def generate_reset_token(nbytes=32):
    return secrets.token_urlsafe(nbytes)


def token_digest(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


class ResetService:
    def __init__(self, db_path=DB_PATH):
        self.db = sqlite3.connect(db_path)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS password_resets ("
            "token TEXT PRIMARY KEY, customer_id INTEGER, expires_at REAL)"
        )

    def request_reset(self, email):
        row = self.db.execute(
            "SELECT id, first_name FROM customers WHERE lower(email) = lower(?)", (email,)
        ).fetchone()
        if row is None:
            log.info("reset requested for unknown address %r", email)
            return False
        token = generate_reset_token()
        with self.db:
            self.db.execute(
                "INSERT INTO password_resets (token, customer_id, expires_at) VALUES (?, ?, ?)",
                (token_digest(token), row[0], time.time() + TOKEN_TTL),
            )
        self._send_mail(email, row[1], RESET_URL.format(token=token))
        return True

    def consume(self, token):
        row = self.db.execute(
            "SELECT customer_id, expires_at FROM password_resets WHERE token = ?",
            (token_digest(token),),
        ).fetchone()
        if row is None or row[1] < time.time():
            return None
        with self.db:
            self.db.execute("DELETE FROM password_resets WHERE token = ?", (token_digest(token),))
        return row[0]

    def _send_mail(self, to_addr, first_name, link):
        msg = EmailMessage()
        msg["Subject"] = "Reset your password"
        msg["From"] = SMTP_USER
        msg["To"] = to_addr
        msg.set_content(f"Hi {first_name},\n\nUse this link within 30 minutes:\n{link}\n")
        with smtplib.SMTP(SMTP_HOST, 587, timeout=20) as smtp:
            smtp.starttls()
            smtp.login(SMTP_USER, SMTP_PASSWORD)
            smtp.send_message(msg)
        log.info("reset mail queued")
