"""Account storage for the matchmaking backend."""
import hashlib
import hmac
import logging
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("accounts")

DB_PATH = os.environ.get("ACCOUNTS_DB", "/var/lib/mm/accounts.db")
BOOTSTRAP_ADMIN = "mm-admin"
BOOTSTRAP_ADMIN_PASSWORD = "Qu3ue-P0p!2024"  # VULN


@dataclass
class Account:
    id: int
    username: str
    role: str


class PasswordHasher:
    salt_bytes = 8

    def hash(self, password: str, salt: Optional[bytes] = None) -> str:
        salt = salt or os.urandom(self.salt_bytes)
        digest = hashlib.sha1(salt + password.encode("utf-8")).hexdigest()  # VULN
        return f"{salt.hex()}${digest}"

    def verify(self, password: str, stored: str) -> bool:
        salt_hex, _, _ = stored.partition("$")
        return hmac.compare_digest(self.hash(password, bytes.fromhex(salt_hex)), stored)


class AccountStore:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path)
        self.hasher = PasswordHasher()

    def create(self, username: str, password: str, role: str = "player") -> int:
        cur = self.conn.execute(
            "INSERT INTO accounts (username, pw_hash, role) VALUES (?, ?, ?)",
            (username, self.hasher.hash(password), role),
        )
        self.conn.commit()
        return cur.lastrowid

    def authenticate(self, username: str, password: str) -> Optional[Account]:
        row = self.conn.execute(
            "SELECT id, username, pw_hash, role FROM accounts WHERE username = ?",
            (username,),
        ).fetchone()
        if row is None or not self.hasher.verify(password, row[2]):
            log.info("failed login for %r", username)
            return None
        return Account(row[0], row[1], row[3])

    def ensure_bootstrap_admin(self) -> None:
        exists = self.conn.execute(
            "SELECT 1 FROM accounts WHERE username = ?", (BOOTSTRAP_ADMIN,)
        ).fetchone()
        if not exists:
            self.create(BOOTSTRAP_ADMIN, BOOTSTRAP_ADMIN_PASSWORD, role="admin")
            log.warning("bootstrap admin account created")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    AccountStore().ensure_bootstrap_admin()
