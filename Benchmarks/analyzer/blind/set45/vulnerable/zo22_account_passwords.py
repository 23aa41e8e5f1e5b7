"""Local account store for the tutoring-center scheduling app."""
import hashlib
import logging
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("accounts")

SCHEMA = """
CREATE TABLE IF NOT EXISTS tutors (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
)
"""


@dataclass
class Tutor:
    id: int
    email: str
    display_name: str
    active: bool


class PasswordHasher:
    """Wraps the hashing scheme so it can be swapped later."""

    encoding = "utf-8"

    def hash(self, password: str) -> str:
        return hashlib.sha1(password.encode(self.encoding)).hexdigest()  # VULN

    def verify(self, password: str, stored: str) -> bool:
        return self.hash(password) == stored


class AccountStore:
    def __init__(self, path: str, hasher: Optional[PasswordHasher] = None):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(SCHEMA)
        self.hasher = hasher or PasswordHasher()

    def create(self, email: str, display_name: str, password: str) -> int:
        if len(password) < 8:
            raise ValueError("password must be at least 8 characters")
        cur = self.conn.execute(
            "INSERT INTO tutors (email, display_name, password_hash) VALUES (?, ?, ?)",
            (email.lower(), display_name, self.hasher.hash(password)),
        )
        self.conn.commit()
        return cur.lastrowid

    def authenticate(self, email: str, password: str) -> Optional[Tutor]:
        row = self.conn.execute(
            "SELECT id, email, display_name, password_hash, active FROM tutors WHERE email = ?",
            (email.lower(),),
        ).fetchone()
        if row is None or not row["active"]:
            return None
        if not self.hasher.verify(password, row["password_hash"]):
            log.info("failed login for tutor id=%s", row["id"])
            return None
        return Tutor(row["id"], row["email"], row["display_name"], bool(row["active"]))

    def change_password(self, tutor_id: int, new_password: str) -> None:
        self.conn.execute(
            "UPDATE tutors SET password_hash = ? WHERE id = ?",
            (self.hasher.hash(new_password), tutor_id),
        )
        self.conn.commit()
