"""Local account store for bench instruments that cannot reach the site directory.

Used by the balance and titrator kiosks; backed by a small SQLite file that is
replicated nightly to the LIMS server.
"""
import hashlib
import hmac
import os
import secrets
import sqlite3
import time
from dataclasses import dataclass
from typing import Optional

RESET_TTL_SECONDS = 30 * 60
PBKDF2_ITERATIONS = 600_000


@dataclass
class Account:
    username: str
    role: str


class AccountStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS accounts ("
            " username TEXT PRIMARY KEY, pw_hash TEXT NOT NULL, salt TEXT NOT NULL,"
            " role TEXT NOT NULL DEFAULT 'analyst', reset_token TEXT, reset_expires REAL)"
        )

    @staticmethod
    def _hash(password: str, salt: str) -> str:
        return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), PBKDF2_ITERATIONS).hex()

    @staticmethod
    def _token_digest(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def create(self, username: str, password: str, role: str = "analyst") -> Account:
        salt = os.urandom(16).hex()
        with self.conn:
            self.conn.execute(
                "INSERT INTO accounts (username, pw_hash, salt, role) VALUES (?, ?, ?, ?)",
                (username, self._hash(password, salt), salt, role),
            )
        return Account(username, role)

    def verify(self, username: str, password: str) -> Optional[Account]:
        row = self.conn.execute(
            "SELECT pw_hash, salt, role FROM accounts WHERE username = ?", (username,)
        ).fetchone()
        if row is None:
            return None
        if hmac.compare_digest(self._hash(password, row[1]), row[0]):
            return Account(username, row[2])
        return None

    def issue_reset_token(self, username: str) -> str:
        token = secrets.token_urlsafe(32)
        with self.conn:
            self.conn.execute(
                "UPDATE accounts SET reset_token = ?, reset_expires = ? WHERE username = ?",
                (self._token_digest(token), time.time() + RESET_TTL_SECONDS, username),
            )
        return token

    def consume_reset_token(self, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT username, reset_expires FROM accounts WHERE reset_token = ?", (self._token_digest(token),)
        ).fetchone()
        if row is None or row[1] < time.time():
            return False
        salt = os.urandom(16).hex()
        with self.conn:
            self.conn.execute(
                "UPDATE accounts SET pw_hash = ?, salt = ?, reset_token = NULL, reset_expires = NULL"
                " WHERE username = ?",
                (self._hash(new_password, salt), salt, row[0]),
            )
        return True
