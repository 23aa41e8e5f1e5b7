"""Account service for the commercial-waste customer portal.

Handles sign-up, login and password resets for site managers who order
extra lifts, skips and view their collection history.
"""
import hashlib
import hmac
import logging
import secrets
import sqlite3
import time
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("portal.accounts")

RESET_TTL = 3600
PBKDF2_ROUNDS = 600_000


@dataclass
class Account:
    account_id: int
    email: str
    customer_no: str
    password_hash: str


def hash_password(password: str, salt: Optional[bytes] = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, rounds, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(rounds))
    return hmac.compare_digest(digest.hex(), digest_hex)


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


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
        if account is None or not check_password(password, account.password_hash):
            log.info("failed login for %r", email)
            return None
        return account

    def start_reset(self, email: str) -> Optional[str]:
        account = self._get(email)
        if account is None:
            return None
        token = secrets.token_urlsafe(32)
        self.conn.execute(
            "INSERT INTO password_resets (account_id, token, expires_at) VALUES (?, ?, ?)",
            (account.account_id, _token_digest(token), int(time.time()) + RESET_TTL),
        )
        self.conn.commit()
        return token

    def finish_reset(self, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT account_id FROM password_resets WHERE token = ? AND expires_at > ?",
            (_token_digest(token), int(time.time())),
        ).fetchone()
        if row is None:
            return False
        self.conn.execute("UPDATE accounts SET password_hash = ? WHERE account_id = ?",
                          (hash_password(new_password), row[0]))
        self.conn.execute("DELETE FROM password_resets WHERE account_id = ?", (row[0],))
        self.conn.commit()
        return True
