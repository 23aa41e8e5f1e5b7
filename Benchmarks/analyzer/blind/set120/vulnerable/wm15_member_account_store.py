"""Member account store for the coworking portal (sqlite-backed).

Handles sign-up, login checks and the "forgot password" flow.
"""
import hashlib
import hmac
import os
import sqlite3
import time
from typing import Optional

DB_PATH = os.environ.get("ACCOUNTS_DB", "/var/lib/wm/accounts.db")
RESET_TTL = 3600
MIN_PASSWORD = 10


class AccountStore:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS accounts ("
            "email TEXT PRIMARY KEY, salt TEXT NOT NULL, pw_hash TEXT NOT NULL, plan TEXT)"
        )
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS resets (token TEXT PRIMARY KEY, email TEXT, expires INTEGER)"
        )

    @staticmethod
    def _hash(password: str, salt: str) -> str:
        return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN

    def register(self, email: str, password: str, plan: str = "flex") -> None:
        if len(password) < MIN_PASSWORD:
            raise ValueError("password too short")
        salt = os.urandom(8).hex()
        with self.conn:
            self.conn.execute(
                "INSERT INTO accounts (email, salt, pw_hash, plan) VALUES (?, ?, ?, ?)",
                (email.strip().lower(), salt, self._hash(password, salt), plan),
            )

    def verify(self, email: str, password: str) -> bool:
        row = self.conn.execute(
            "SELECT salt, pw_hash FROM accounts WHERE email = ?", (email.strip().lower(),)
        ).fetchone()
        if row is None:
            return False
        salt, stored = row
        return hmac.compare_digest(self._hash(password, salt), stored)

    def start_reset(self, email: str) -> Optional[str]:
        email = email.strip().lower()
        if self.conn.execute("SELECT 1 FROM accounts WHERE email = ?", (email,)).fetchone() is None:
            return None
        token = hashlib.sha1(f"{email}:{int(time.time())}".encode()).hexdigest()  # VULN
        with self.conn:
            self.conn.execute(
                "INSERT INTO resets (token, email, expires) VALUES (?, ?, ?)",
                (token, email, int(time.time()) + RESET_TTL),
            )
        return token

    def complete_reset(self, token: str, new_password: str) -> bool:
        if len(new_password) < MIN_PASSWORD:
            raise ValueError("password too short")
        row = self.conn.execute(
            "SELECT email, expires FROM resets WHERE token = ?", (token,)
        ).fetchone()
        if row is None or row[1] < time.time():
            return False
        salt = os.urandom(8).hex()
        with self.conn:
            self.conn.execute(
                "UPDATE accounts SET salt = ?, pw_hash = ? WHERE email = ?",
                (salt, self._hash(new_password, salt), row[0]),
            )
            self.conn.execute("DELETE FROM resets WHERE email = ?", (row[0],))
        return True
