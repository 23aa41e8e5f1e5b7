"""Local account store for the tutoring-center scheduling app."""
import base64
import hashlib
import hmac
import logging
import os
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
    n, r, p = 2 ** 14, 8, 1

    def hash(self, password: str, salt: Optional[bytes] = None) -> str:
        salt = salt or os.urandom(16)
        digest = hashlib.scrypt(password.encode(self.encoding), salt=salt, n=self.n, r=self.r, p=self.p, dklen=32)
        return "scrypt$" + base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()

    def verify(self, password: str, stored: str) -> bool:
        try:
            _, salt_b64, _ = stored.split("$")
        except ValueError:
            return False
        return hmac.compare_digest(self.hash(password, base64.b64decode(salt_b64)), stored)


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
