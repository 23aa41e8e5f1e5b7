"""Credential storage for tenant portal accounts (accounts service)."""
import hashlib
import hmac
import logging
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from typing import Optional

log = logging.getLogger("accounts")

SCHEMA = """
CREATE TABLE IF NOT EXISTS tenant_account (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE NOT NULL,
    password_hash TEXT NOT NULL,
    unit_id INTEGER,
    created_at TEXT NOT NULL,
    last_password_change TEXT
)
"""


class TenantAccounts:
    MIN_LENGTH = 10

    def __init__(self, db_path: str):
        self.db = sqlite3.connect(db_path, check_same_thread=False)
        self.db.execute(SCHEMA)

    @staticmethod
    def _hash(email: str, password: str) -> str:
        salted = email.strip().lower() + ":" + password
        return hashlib.md5(salted.encode("utf-8")).hexdigest()  # VULN

    def _check_policy(self, password: str) -> None:
        if len(password) < self.MIN_LENGTH:
            raise ValueError(f"password must be at least {self.MIN_LENGTH} characters")
        if password.isdigit() or password.isalpha():
            raise ValueError("password must mix letters and numbers")

    def register(self, email: str, password: str, unit_id: Optional[int]) -> int:
        self._check_policy(password)
        now = datetime.now(timezone.utc).isoformat()
        with self.db:
            cur = self.db.execute(
                "INSERT INTO tenant_account (email, password_hash, unit_id, created_at) VALUES (?, ?, ?, ?)",
                (email.strip().lower(), self._hash(email, password), unit_id, now),
            )
        log.info("registered tenant account %s", cur.lastrowid)
        return cur.lastrowid

    def verify(self, email: str, password: str) -> Optional[int]:
        with closing(self.db.cursor()) as cur:
            cur.execute(
                "SELECT id, password_hash FROM tenant_account WHERE email = ?",
                (email.strip().lower(),),
            )
            row = cur.fetchone()
        if row is None:
            return None
        account_id, stored = row
        if hmac.compare_digest(stored, self._hash(email, password)):
            return account_id
        return None

    def change_password(self, account_id: int, email: str, old: str, new: str) -> bool:
        if self.verify(email, old) != account_id:
            return False
        self._check_policy(new)
        with self.db:
            self.db.execute(
                "UPDATE tenant_account SET password_hash = ?, last_password_change = ? WHERE id = ?",
                (self._hash(email, new), datetime.now(timezone.utc).isoformat(), account_id),
            )
        return True
