"""Account service for the commercial-waste customer portal.

Handles sign-up, login and password resets for site managers who order
extra lifts, skips and view their collection history.
"""
import hashlib
import logging
import sqlite3
import time
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("portal.accounts")

RESET_TTL = 3600


@dataclass
class Account:
    account_id: int
    email: str
    customer_no: str
    password_hash: str


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


class AccountService:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _get(self, email: str) -> Optional[Account]:
        row = self.conn.execute(
            "SELECT account_id, email, customer_no, password_hash FROM accounts WHERE email = ?",
            (email.lower(),),
        ).fetchone()
        return Account(*row) if row else None

    def register(self, email: str, customer_no: str, password: str) -> int:
        if len(password) < 10:
            raise ValueError("password must be at least 10 characters")
        cur = self.conn.execute(
            "INSERT INTO accounts (email, customer_no, password_hash) VALUES (?, ?, ?)",
            (email.lower(), customer_no, hash_password(password)),
        )
        self.conn.commit()
        return cur.lastrowid

    def authenticate(self, email: str, password: str) -> Optional[Account]:
        account = self._get(email)
        if account is None or account.password_hash != hash_password(password):
            log.info("failed login for %r", email)
            return None
        return account

    def start_reset(self, email: str) -> Optional[str]:
        account = self._get(email)
        if account is None:
            return None
        token = hashlib.md5(f"{account.email}:{time.time()}".encode()).hexdigest()  # VULN
        self.conn.execute(
            "INSERT INTO password_resets (account_id, token, expires_at) VALUES (?, ?, ?)",
            (account.account_id, token, int(time.time()) + RESET_TTL),
        )
        self.conn.commit()
        return token

    def finish_reset(self, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT account_id FROM password_resets WHERE token = ? AND expires_at > ?",
            (token, int(time.time())),
        ).fetchone()
        if row is None:
            return False
        self.conn.execute("UPDATE accounts SET password_hash = ? WHERE account_id = ?",
                          (hash_password(new_password), row[0]))
        self.conn.execute("DELETE FROM password_resets WHERE account_id = ?", (row[0],))
        self.conn.commit()
        return True
