"""Account store for customs broker users of the declaration portal."""
import hashlib
import hmac
import os
import sqlite3
import time
from typing import Optional

SCHEMA = """
CREATE TABLE IF NOT EXISTS broker_users (
    username TEXT PRIMARY KEY,
    licence_no TEXT NOT NULL,
    salt TEXT NOT NULL,
    pw_hash TEXT NOT NULL,
    reset_token TEXT,
    reset_expires REAL
)
"""
RESET_TTL = 30 * 60


class BrokerAccountStore:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(SCHEMA)

    @staticmethod
    def _hash(password: str, salt: str) -> str:
        return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN

    def create(self, username: str, licence_no: str, password: str) -> None:
        if len(password) < 10:
            raise ValueError("password too short")
        salt = os.urandom(8).hex()
        with self.conn:
            self.conn.execute(
                "INSERT INTO broker_users (username, licence_no, salt, pw_hash) VALUES (?, ?, ?, ?)",
                (username, licence_no, salt, self._hash(password, salt)),
            )

    def verify(self, username: str, password: str) -> bool:
        row = self.conn.execute(
            "SELECT salt, pw_hash FROM broker_users WHERE username = ?", (username,)
        ).fetchone()
        if row is None:
            return False
        salt, stored = row
        return hmac.compare_digest(stored, self._hash(password, salt))

    def issue_reset_token(self, username: str) -> Optional[str]:
        if self.conn.execute("SELECT 1 FROM broker_users WHERE username = ?", (username,)).fetchone() is None:
            return None
        token = hashlib.sha1(("%s:%f" % (username, time.time())).encode()).hexdigest()  # VULN
        with self.conn:
            self.conn.execute(
                "UPDATE broker_users SET reset_token = ?, reset_expires = ? WHERE username = ?",
                (token, time.time() + RESET_TTL, username),
            )
        return token

    def reset_password(self, username: str, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT reset_token, reset_expires FROM broker_users WHERE username = ?", (username,)
        ).fetchone()
        if not row or not row[0] or row[1] < time.time():
            return False
        if not hmac.compare_digest(row[0], token):
            return False
        salt = os.urandom(8).hex()
        with self.conn:
            self.conn.execute(
                "UPDATE broker_users SET salt = ?, pw_hash = ?, reset_token = NULL WHERE username = ?",
                (salt, self._hash(new_password, salt), username),
            )
        return True
