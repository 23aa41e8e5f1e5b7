"""Patron account service for the library's online catalogue (OPAC).

Handles PIN/password changes and e-mailed reset links.
"""
import hashlib
import hmac
import logging
import secrets
import sqlite3
import string
import time
from typing import Optional

log = logging.getLogger("patron_accounts")

RESET_TTL_SECONDS = 60 * 30
TOKEN_ALPHABET = string.ascii_letters + string.digits
RESET_URL = "https://catalog.maplelibrary.org/account/reset?token={token}"
PBKDF2_ROUNDS = 310_000


class PatronAccountService:
    def __init__(self, db_path: str, mailer):
        self.conn = sqlite3.connect(db_path)
        self.mailer = mailer

    @staticmethod
    def hash_password(password: str, salt: Optional[bytes] = None) -> str:
        salt = salt or secrets.token_bytes(16)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
        return f"{salt.hex()}${digest.hex()}"

    @staticmethod
    def new_reset_token(length: int = 32) -> str:
        return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))

    def verify_login(self, card_number: str, password: str) -> bool:
        row = self.conn.execute(
            "SELECT password_hash FROM patrons WHERE card_number = ?", (card_number,)
        ).fetchone()
        if not row or "$" not in row[0]:
            return False
        salt_hex, _ = row[0].split("$", 1)
        return hmac.compare_digest(row[0], self.hash_password(password, bytes.fromhex(salt_hex)))

    def request_reset(self, email: str) -> None:
        row = self.conn.execute(
            "SELECT card_number, first_name FROM patrons WHERE lower(email) = lower(?)", (email,)
        ).fetchone()
        if row is None:
            log.info("reset requested for unknown address")
            return
        card_number, first_name = row
        token = self.new_reset_token()
        self.conn.execute(
            "INSERT INTO password_resets (token_hash, card_number, expires_at) VALUES (?, ?, ?)",
            (hashlib.sha256(token.encode()).hexdigest(), card_number, int(time.time()) + RESET_TTL_SECONDS),
        )
        self.conn.commit()
        self.mailer.send(
            to=email,
            subject="Reset your library account password",
            body=f"Hi {first_name},\n\nUse this link within 30 minutes:\n{RESET_URL.format(token=token)}\n",
        )

    def complete_reset(self, token: str, new_password: str) -> Optional[str]:
        token_hash = hashlib.sha256(token.encode()).hexdigest()
        row = self.conn.execute(
            "SELECT card_number, expires_at FROM password_resets WHERE token_hash = ?", (token_hash,)
        ).fetchone()
        if row is None or row[1] < time.time():
            return None
        if len(new_password) < 8:
            raise ValueError("password must be at least 8 characters")
        card_number = row[0]
        self.conn.execute(
            "UPDATE patrons SET password_hash = ? WHERE card_number = ?",
            (self.hash_password(new_password), card_number),
        )
        self.conn.execute("DELETE FROM password_resets WHERE card_number = ?", (card_number,))
        self.conn.commit()
        log.info("password reset completed for card ending %s", card_number[-4:])
        return card_number
