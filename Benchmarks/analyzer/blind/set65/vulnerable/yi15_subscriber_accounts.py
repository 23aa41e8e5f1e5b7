"""Subscriber account store used by the paywall service."""
import hashlib
import logging
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
    def hash_password(password: str) -> str:
        return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN

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
        return row[0] == self.hash_password(password)

    def start_reset(self, email: str) -> Optional[str]:
        token = hashlib.sha1(f"{email.lower()}:{time.time()}".encode()).hexdigest()  # VULN
        with self._conn() as conn:
            cur = conn.execute(
                "UPDATE subscribers SET reset_token = ?, reset_expires = ? WHERE email = ?",
                (token, time.time() + RESET_TTL, email.lower()),
            )
        return token if cur.rowcount else None

    def finish_reset(self, token: str, new_password: str) -> bool:
        with self._conn() as conn:
            cur = conn.execute(
                "UPDATE subscribers SET password_hash = ?, reset_token = NULL "
                "WHERE reset_token = ? AND reset_expires > ?",
                (self.hash_password(new_password), token, time.time()),
            )
        return cur.rowcount == 1
