"""Member account store for the coworking portal (sqlite-backed).

Handles sign-up, login checks and the "forgot password" flow.
"""
import hashlib
import hmac
import os
import secrets
import sqlite3
import time
from typing import Optional

DB_PATH = os.environ.get("ACCOUNTS_DB", "/var/lib/wm/accounts.db")
RESET_TTL = 3600
MIN_PASSWORD = 10
PBKDF2_ROUNDS = 600_000


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
        return hashlib.pbkdf2_hmac(
            "sha256", password.encode("utf-8"), bytes.fromhex(salt), PBKDF2_ROUNDS
        ).hex()

    @staticmethod
    def _token_digest(token: str) -> str:
        return hashlib.sha256(token.encode("ascii")).hexdigest()

    def register(self, email: str, password: str, plan: str = "flex") -> None:
        if len(password) < MIN_PASSWORD:
            raise ValueError("password too short")
        salt = os.urandom(16).hex()
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
        token = secrets.token_urlsafe(32)
        with self.conn:
            self.conn.execute(
                "INSERT INTO resets (token, email, expires) VALUES (?, ?, ?)",
                (self._token_digest(token), email, int(time.time()) + RESET_TTL),
            )
        return token

    def complete_reset(self, token: str, new_password: str) -> bool:
        if len(new_password) < MIN_PASSWORD:
            raise ValueError("password too short")
        row = self.conn.execute(
            "SELECT email, expires FROM resets WHERE token = ?", (self._token_digest(token),)
        ).fetchone()
        if row is None or row[1] < time.time():
            return False
        salt = os.urandom(16).hex()
        with self.conn:
            self.conn.execute(
                "UPDATE accounts SET salt = ?, pw_hash = ? WHERE email = ?",
                (salt, self._hash(new_password, salt), row[0]),
            )
            self.conn.execute("DELETE FROM resets WHERE email = ?", (row[0],))
        return True
