"""Account password management for the partner portal (registration, reset, login)."""
import hashlib
import hmac
import logging
import os
import secrets
import smtplib
import sqlite3
import time
from email.message import EmailMessage

log = logging.getLogger("accounts")

RESET_TTL = 3600
PORTAL_URL = "https://partners.example.com"
SMTP_HOST = "smtp.internal"
PBKDF2_ITERATIONS = 600_000


class AccountService:
    def __init__(self, db_path: str = "/var/lib/portal/accounts.db"):
        self.db = sqlite3.connect(db_path)
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS accounts (email TEXT PRIMARY KEY, pw_hash TEXT,"
            " reset_token TEXT, reset_expires INTEGER)"
        )

    @staticmethod
    def hash_password(password: str, salt: bytes = None) -> str:
        salt = salt or os.urandom(16)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
        return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"

    @staticmethod
    def verify_password(password: str, stored: str) -> bool:
        _, iterations, salt_hex, digest_hex = stored.split("$")
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(iterations))
        return hmac.compare_digest(digest.hex(), digest_hex)

    @staticmethod
    def _reset_token(length: int = 32) -> str:
        return secrets.token_urlsafe(length)

    def register(self, email: str, password: str) -> None:
        if len(password) < 10:
            raise ValueError("password must be at least 10 characters")
        with self.db:
            self.db.execute("INSERT INTO accounts (email, pw_hash) VALUES (?, ?)",
                            (email.lower(), self.hash_password(password)))

    def check_login(self, email: str, password: str) -> bool:
        row = self.db.execute("SELECT pw_hash FROM accounts WHERE email = ?", (email.lower(),)).fetchone()
        if row is None:
            return False
        return self.verify_password(password, row[0])

    def start_reset(self, email: str) -> None:
        token = self._reset_token()
        with self.db:
            cur = self.db.execute(
                "UPDATE accounts SET reset_token = ?, reset_expires = ? WHERE email = ?",
                (token, int(time.time()) + RESET_TTL, email.lower()),
            )
        if cur.rowcount:
            self._send_reset_mail(email, token)

    def finish_reset(self, token: str, new_password: str) -> bool:
        row = self.db.execute(
            "SELECT email FROM accounts WHERE reset_token = ? AND reset_expires > ?", (token, int(time.time()))
        ).fetchone()
        if row is None:
            return False
        with self.db:
            self.db.execute(
                "UPDATE accounts SET pw_hash = ?, reset_token = NULL, reset_expires = NULL WHERE email = ?",
                (self.hash_password(new_password), row[0]),
            )
        return True

    def _send_reset_mail(self, email: str, token: str) -> None:
        msg = EmailMessage()
        msg["From"] = "no-reply@example.com"
        msg["To"] = email
        msg["Subject"] = "Reset your partner portal password"
        msg.set_content(f"Use this link within an hour:\n{PORTAL_URL}/reset?token={token}\n")
        with smtplib.SMTP(SMTP_HOST, 25, timeout=10) as smtp:
            smtp.send_message(msg)
        log.info("reset mail sent")
