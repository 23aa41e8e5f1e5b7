"""Account storage for the FitTrack mobile backend (email + password sign-up)."""
import hashlib
import hmac
import logging
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("fittrack.accounts")

DB_PATH = os.environ.get("FITTRACK_DB", "/var/lib/fittrack/accounts.db")
MIN_PASSWORD_LEN = 10


@dataclass
class Account:
    id: int
    email: str
    display_name: str


def new_salt() -> str:
    return os.urandom(8).hex()


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


class AccountStore:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(
            """CREATE TABLE IF NOT EXISTS accounts (
                   id INTEGER PRIMARY KEY, email TEXT UNIQUE, display_name TEXT,
                   salt TEXT, pw_hash TEXT, created_at TEXT DEFAULT CURRENT_TIMESTAMP)"""
        )

    def create(self, email: str, password: str, display_name: str) -> Account:
        if len(password) < MIN_PASSWORD_LEN:
            raise ValueError("password too short")
        salt = new_salt()
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO accounts (email, display_name, salt, pw_hash) VALUES (?, ?, ?, ?)",
                (email.lower(), display_name, salt, hash_password(password, salt)),
            )
        log.info("created account %s", cur.lastrowid)
        return Account(cur.lastrowid, email.lower(), display_name)

    def verify(self, email: str, password: str) -> Optional[Account]:
        row = self.conn.execute(
            "SELECT id, email, display_name, salt, pw_hash FROM accounts WHERE email = ?",
            (email.lower(),),
        ).fetchone()
        if row is None:
            return None
        candidate = hash_password(password, row["salt"])
        if not hmac.compare_digest(candidate, row["pw_hash"]):
            return None
        return Account(row["id"], row["email"], row["display_name"])

    def change_password(self, account_id: int, new_password: str) -> None:
        if len(new_password) < MIN_PASSWORD_LEN:
            raise ValueError("password too short")
        salt = new_salt()
        with self.conn:
            self.conn.execute(
                "UPDATE accounts SET salt = ?, pw_hash = ? WHERE id = ?",
                (salt, hash_password(new_password, salt), account_id),
            )
