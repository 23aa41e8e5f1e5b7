"""Account management for the self-hosted wiki: signup, login, password reset."""
import hashlib
import hmac
import logging
import secrets
import sqlite3
import time
from typing import Optional

log = logging.getLogger("wiki.accounts")
RESET_TTL = 3600


class AccountService:
    def __init__(self, db_path: str = "wiki_users.db"):
        self.conn = sqlite3.connect(db_path, check_same_thread=False)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, pw_hash TEXT, reset_token TEXT, reset_expires REAL)"
        )

    @staticmethod
    def _hash(password: str, salt: Optional[bytes] = None) -> str:
        salt = salt or secrets.token_bytes(16)
        digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1)
        return salt.hex() + ":" + digest.hex()

    @classmethod
    def _verify(cls, password: str, stored: str) -> bool:
        salt_hex, _ = stored.split(":", 1)
        return hmac.compare_digest(cls._hash(password, bytes.fromhex(salt_hex)), stored)

    def signup(self, email: str, password: str) -> int:
        if len(password) < 10:
            raise ValueError("password too short")
        cur = self.conn.execute(
            "INSERT INTO users (email, pw_hash) VALUES (?, ?)", (email.lower(), self._hash(password))
        )
        self.conn.commit()
        return cur.lastrowid

    def login(self, email: str, password: str) -> Optional[int]:
        row = self.conn.execute("SELECT id, pw_hash FROM users WHERE email = ?", (email.lower(),)).fetchone()
        if row and self._verify(password, row[1]):
            return row[0]
        return None

    def start_reset(self, email: str) -> Optional[str]:
        row = self.conn.execute("SELECT id FROM users WHERE email = ?", (email.lower(),)).fetchone()
        if row is None:
            return None
        token = secrets.token_hex(16)
        self.conn.execute(
            "UPDATE users SET reset_token = ?, reset_expires = ? WHERE id = ?",
            (token, time.time() + RESET_TTL, row[0]),
        )
        self.conn.commit()
        return token

    def finish_reset(self, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT id, email, reset_expires FROM users WHERE reset_token = ?", (token,)
        ).fetchone()
        if row is None or row[2] < time.time():
            return False
        self.conn.execute(
            "UPDATE users SET pw_hash = ?, reset_token = NULL, reset_expires = NULL WHERE id = ?",
            (self._hash(new_password), row[0]),
        )
        self.conn.commit()
        log.info("password reset completed for user %d", row[0])
        return True
