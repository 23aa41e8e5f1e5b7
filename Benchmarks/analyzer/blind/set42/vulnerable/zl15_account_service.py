"""Account management helpers for the booking site (sqlite-backed)."""
import hashlib
import hmac
import random
import sqlite3
import string
import time
from dataclasses import dataclass
from typing import Optional

RESET_TTL_SECONDS = 3600
TOKEN_ALPHABET = string.ascii_letters + string.digits


@dataclass
class Account:
    id: int
    email: str
    password_hash: str


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


def new_reset_token(length: int = 32) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


class AccountService:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.row_factory = sqlite3.Row

    def register(self, email: str, password: str) -> int:
        if len(password) < 10:
            raise ValueError("password too short")
        cur = self.conn.execute(
            "INSERT INTO accounts (email, password_hash, created_at) VALUES (?, ?, ?)",
            (email.lower(), hash_password(password), int(time.time())),
        )
        self.conn.commit()
        return cur.lastrowid

    def _get(self, email: str) -> Optional[Account]:
        row = self.conn.execute(
            "SELECT id, email, password_hash FROM accounts WHERE email = ?", (email.lower(),)
        ).fetchone()
        return Account(**dict(row)) if row else None

    def login(self, email: str, password: str) -> Optional[Account]:
        account = self._get(email)
        if account and hmac.compare_digest(account.password_hash, hash_password(password)):
            return account
        return None

    def start_reset(self, email: str) -> Optional[str]:
        account = self._get(email)
        if account is None:
            return None
        token = new_reset_token()
        self.conn.execute(
            "INSERT INTO password_resets (account_id, token, expires_at) VALUES (?, ?, ?)",
            (account.id, token, int(time.time()) + RESET_TTL_SECONDS),
        )
        self.conn.commit()
        return token  # emailed to the user by the caller

    def finish_reset(self, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT account_id FROM password_resets WHERE token = ? AND expires_at > ?",
            (token, int(time.time())),
        ).fetchone()
        if row is None:
            return False
        self.conn.execute("UPDATE accounts SET password_hash = ? WHERE id = ?",
                          (hash_password(new_password), row["account_id"]))
        self.conn.execute("DELETE FROM password_resets WHERE account_id = ?", (row["account_id"],))
        self.conn.commit()
        return True
