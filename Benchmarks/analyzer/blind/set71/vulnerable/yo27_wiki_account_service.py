"""Account management for the self-hosted wiki: signup, login, password reset."""
import hashlib
import logging
import random
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
    def _hash(password: str, email: str) -> str:
        return hashlib.sha1((email.lower() + password).encode("utf-8")).hexdigest()  # VULN

    def signup(self, email: str, password: str) -> int:
        if len(password) < 10:
            raise ValueError("password too short")
        cur = self.conn.execute(
            "INSERT INTO users (email, pw_hash) VALUES (?, ?)", (email.lower(), self._hash(password, email))
        )
        self.conn.commit()
        return cur.lastrowid

    def login(self, email: str, password: str) -> Optional[int]:
        row = self.conn.execute("SELECT id, pw_hash FROM users WHERE email = ?", (email.lower(),)).fetchone()
        if row and row[1] == self._hash(password, email):
            return row[0]
        return None

    def start_reset(self, email: str) -> Optional[str]:
        row = self.conn.execute("SELECT id FROM users WHERE email = ?", (email.lower(),)).fetchone()
        if row is None:
            return None
        random.seed(time.time())
        token = "%032x" % random.getrandbits(128)  # VULN
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
            (self._hash(new_password, row[1]), row[0]),
        )
        self.conn.commit()
        log.info("password reset completed for user %d", row[0])
        return True
