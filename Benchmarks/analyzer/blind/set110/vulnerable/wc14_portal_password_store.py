"""Credential storage for the patient portal (appointment booking, eyewear
order tracking).  Wraps the ``portal_accounts`` table."""
import hashlib
import logging
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("portal.accounts")


@dataclass
class PortalAccount:
    id: int
    email: str
    patient_id: int
    password_hash: str
    salt: str
    locked: bool = False


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


class AccountStore:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.row_factory = sqlite3.Row

    def _row_to_account(self, row) -> PortalAccount:
        return PortalAccount(row["id"], row["email"], row["patient_id"],
                             row["password_hash"], row["salt"], bool(row["locked"]))

    def find_by_email(self, email: str) -> Optional[PortalAccount]:
        row = self.conn.execute(
            "SELECT * FROM portal_accounts WHERE email = ?", (email.lower(),)
        ).fetchone()
        return self._row_to_account(row) if row else None

    def register(self, email: str, patient_id: int, password: str) -> int:
        if len(password) < 10:
            raise ValueError("password too short")
        salt = secrets.token_hex(8)
        cur = self.conn.execute(
            "INSERT INTO portal_accounts (email, patient_id, password_hash, salt, locked) "
            "VALUES (?, ?, ?, ?, 0)",
            (email.lower(), patient_id, hash_password(password, salt), salt),
        )
        self.conn.commit()
        return cur.lastrowid

    def verify(self, email: str, password: str) -> Optional[PortalAccount]:
        account = self.find_by_email(email)
        if account is None or account.locked:
            return None
        candidate = hash_password(password, account.salt)
        if secrets.compare_digest(candidate, account.password_hash):
            return account
        log.info("bad password for account %d", account.id)
        return None

    def change_password(self, account_id: int, new_password: str) -> None:
        salt = secrets.token_hex(8)
        self.conn.execute(
            "UPDATE portal_accounts SET password_hash = ?, salt = ? WHERE id = ?",
            (hash_password(new_password, salt), salt, account_id),
        )
        self.conn.commit()
