"""Customer account storage for the print-shop portal."""
import hashlib
import hmac
import logging
import secrets
import sqlite3
import time
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("portal.accounts")

MIN_PASSWORD_LENGTH = 10
RESET_TTL = 3600
PBKDF2_ROUNDS = 600_000


@dataclass
class Account:
    id: int
    email: str
    company: str
    password_hash: str


class AccountStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row

    @staticmethod
    def hash_password(password: str, salt: Optional[bytes] = None, rounds: int = PBKDF2_ROUNDS) -> str:
        salt = salt or secrets.token_bytes(16)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, rounds)
        return f"pbkdf2_sha256${rounds}${salt.hex()}${digest.hex()}"

    @staticmethod
    def verify_password(password: str, stored: str) -> bool:
        _, rounds, salt_hex, _ = stored.split("$")
        candidate = AccountStore.hash_password(password, bytes.fromhex(salt_hex), int(rounds))
        return hmac.compare_digest(stored, candidate)

    def create(self, email: str, company: str, password: str) -> int:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValueError("password too short")
        cur = self.conn.execute(
            "INSERT INTO accounts (email, company, password_hash) VALUES (?, ?, ?)",
            (email.strip().lower(), company.strip(), self.hash_password(password)),
        )
        self.conn.commit()
        log.info("created account %d", cur.lastrowid)
        return cur.lastrowid

    def authenticate(self, email: str, password: str) -> Optional[Account]:
        row = self.conn.execute(
            "SELECT id, email, company, password_hash FROM accounts WHERE email = ?",
            (email.strip().lower(),),
        ).fetchone()
        if row is None or not self.verify_password(password, row["password_hash"]):
            return None
        return Account(**dict(row))

    def issue_reset_token(self, account: Account) -> str:
        token = secrets.token_urlsafe(32)
        self.conn.execute(
            "INSERT OR REPLACE INTO password_resets (account_id, token, expires_at) VALUES (?, ?, ?)",
            (account.id, hashlib.sha256(token.encode()).hexdigest(), int(time.time()) + RESET_TTL),
        )
        self.conn.commit()
        return token

    def consume_reset_token(self, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT account_id, expires_at FROM password_resets WHERE token = ?",
            (hashlib.sha256(token.encode()).hexdigest(),),
        ).fetchone()
        if row is None or row["expires_at"] < time.time():
            return False
        self.conn.execute(
            "UPDATE accounts SET password_hash = ? WHERE id = ?",
            (self.hash_password(new_password), row["account_id"]),
        )
        self.conn.execute("DELETE FROM password_resets WHERE account_id = ?", (row["account_id"],))
        self.conn.commit()
        return True
