"""Subscriber account store used by the paywall service."""
import hashlib
import hmac
import logging
import secrets
import sqlite3
import time
from contextlib import contextmanager
from typing import Optional

log = logging.getLogger("paywall.accounts")

SCHEMA = """
CREATE TABLE IF NOT EXISTS subscribers (
    email TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    plan TEXT NOT NULL DEFAULT 'digital',
    reset_token TEXT,
    reset_expires REAL
)
"""
RESET_TTL = 3600
PBKDF2_ITERATIONS = 600_000


class SubscriberStore:
    def __init__(self, db_path: str):
        self.db_path = db_path
        with self._conn() as conn:
            conn.execute(SCHEMA)

    @contextmanager
    def _conn(self):
        conn = sqlite3.connect(self.db_path)
        try:
            yield conn
            conn.commit()
        finally:
            conn.close()

    @staticmethod
    def hash_password(password: str, salt: Optional[bytes] = None) -> str:
        salt = salt or secrets.token_bytes(16)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
        return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"

    @staticmethod
    def _token_digest(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def create(self, email: str, password: str, plan: str = "digital") -> None:
        with self._conn() as conn:
            conn.execute(
                "INSERT INTO subscribers (email, password_hash, plan) VALUES (?, ?, ?)",
                (email.lower(), self.hash_password(password), plan),
            )

    def verify(self, email: str, password: str) -> bool:
        with self._conn() as conn:
            row = conn.execute(
                "SELECT password_hash FROM subscribers WHERE email = ?", (email.lower(),)
            ).fetchone()
        if row is None:
            return False
        _algo, iterations, salt_hex, digest_hex = row[0].split("$")
        candidate = hashlib.pbkdf2_hmac(
            "sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(iterations)
        )
        return hmac.compare_digest(candidate.hex(), digest_hex)

    def start_reset(self, email: str) -> Optional[str]:
        token = secrets.token_urlsafe(32)
        with self._conn() as conn:
            cur = conn.execute(
                "UPDATE subscribers SET reset_token = ?, reset_expires = ? WHERE email = ?",
                (self._token_digest(token), time.time() + RESET_TTL, email.lower()),
            )
        return token if cur.rowcount else None

    def finish_reset(self, token: str, new_password: str) -> bool:
        with self._conn() as conn:
            cur = conn.execute(
                "UPDATE subscribers SET password_hash = ?, reset_token = NULL "
                "WHERE reset_token = ? AND reset_expires > ?",
                (self.hash_password(new_password), self._token_digest(token), time.time()),
            )
        return cur.rowcount == 1
