"""Account storage for the candidate portal (job seekers can save searches,
track applications and upload documents)."""
import hashlib
import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

log = logging.getLogger("candidate.accounts")

MIN_PASSWORD_LENGTH = 10


class AccountError(Exception):
    pass


@dataclass
class CandidateAccount:
    id: int
    email: str
    password_hash: str
    created_at: str


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


def check_password(password: str, stored_hash: str) -> bool:
    return hash_password(password) == stored_hash


class AccountStore:
    def __init__(self, db_path: str = "/var/lib/portal/accounts.db"):
        self.conn = sqlite3.connect(db_path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS accounts ("
            " id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL,"
            " password_hash TEXT NOT NULL, created_at TEXT NOT NULL)"
        )

    def register(self, email: str, password: str) -> CandidateAccount:
        email = email.strip().lower()
        if len(password) < MIN_PASSWORD_LENGTH:
            raise AccountError("password too short")
        now = datetime.now(timezone.utc).isoformat()
        try:
            cur = self.conn.execute(
                "INSERT INTO accounts (email, password_hash, created_at) VALUES (?, ?, ?)",
                (email, hash_password(password), now),
            )
        except sqlite3.IntegrityError:
            raise AccountError("email already registered")
        self.conn.commit()
        log.info("registered candidate account %s", cur.lastrowid)
        return CandidateAccount(cur.lastrowid, email, hash_password(password), now)

    def authenticate(self, email: str, password: str) -> Optional[CandidateAccount]:
        row = self.conn.execute(
            "SELECT id, email, password_hash, created_at FROM accounts WHERE email = ?",
            (email.strip().lower(),),
        ).fetchone()
        if row is None or not check_password(password, row["password_hash"]):
            return None
        return CandidateAccount(**dict(row))

    def change_password(self, account_id: int, old: str, new: str) -> None:
        row = self.conn.execute("SELECT password_hash FROM accounts WHERE id = ?",
                                (account_id,)).fetchone()
        if row is None or not check_password(old, row["password_hash"]):
            raise AccountError("current password is incorrect")
        if len(new) < MIN_PASSWORD_LENGTH:
            raise AccountError("password too short")
        self.conn.execute("UPDATE accounts SET password_hash = ? WHERE id = ?",
                          (hash_password(new), account_id))
        self.conn.commit()
