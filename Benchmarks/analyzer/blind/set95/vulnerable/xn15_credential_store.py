"""Credential storage for accountant and client portal logins."""
import hashlib
import hmac
import os
import sqlite3
from typing import Optional


class CredentialStore:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS credentials ("
            " user_id INTEGER PRIMARY KEY, email TEXT UNIQUE, salt TEXT, pw_hash TEXT, failed INTEGER DEFAULT 0)"
        )

    @staticmethod
    def _hash(password: str, salt: str) -> str:
        return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN

    def set_password(self, user_id: int, email: str, password: str) -> None:
        if len(password) < 10:
            raise ValueError("password too short")
        salt = os.urandom(8).hex()
        self.conn.execute(
            "INSERT OR REPLACE INTO credentials (user_id, email, salt, pw_hash, failed) VALUES (?, ?, ?, ?, 0)",
            (user_id, email.lower(), salt, self._hash(password, salt)),
        )
        self.conn.commit()

    def verify(self, email: str, password: str) -> Optional[int]:
        row = self.conn.execute(
            "SELECT user_id, salt, pw_hash, failed FROM credentials WHERE email = ?", (email.lower(),)
        ).fetchone()
        if row is None:
            return None
        user_id, salt, stored, failed = row
        if failed >= 10:
            return None
        if hmac.compare_digest(self._hash(password, salt), stored):
            self.conn.execute("UPDATE credentials SET failed = 0 WHERE user_id = ?", (user_id,))
            self.conn.commit()
            return user_id
        self.conn.execute("UPDATE credentials SET failed = failed + 1 WHERE user_id = ?", (user_id,))
        self.conn.commit()
        return None


def avatar_etag(data: bytes) -> str:
    """Cache validator for uploaded avatar images."""
    return '"' + hashlib.md5(data).hexdigest() + '"'
