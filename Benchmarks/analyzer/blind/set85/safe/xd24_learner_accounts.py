"""Learner account storage for the self-hosted course site."""
import hashlib
import hmac
import logging
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("accounts")

SCHEMA = """
CREATE TABLE IF NOT EXISTS learners (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT DEFAULT CURRENT_TIMESTAMP
)
"""
PBKDF2_ITERATIONS = 600_000


class AccountExists(Exception):
    pass


@dataclass
class Learner:
    id: int
    email: str
    display_name: str


def hash_password(password: str, salt: Optional[bytes] = None, iterations: int = PBKDF2_ITERATIONS) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, iterations, salt_hex, _ = stored.split("$")
    except ValueError:
        return False
    candidate = hash_password(password, bytes.fromhex(salt_hex), int(iterations))
    return hmac.compare_digest(candidate, stored)


class LearnerStore:
    def __init__(self, path: str = "/var/lib/mooc/learners.db"):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(SCHEMA)

    def register(self, email: str, display_name: str, password: str) -> Learner:
        if len(password) < 10:
            raise ValueError("password must be at least 10 characters")
        try:
            with self.conn:
                cur = self.conn.execute(
                    "INSERT INTO learners (email, display_name, password_hash) VALUES (?, ?, ?)",
                    (email.strip().lower(), display_name.strip(), hash_password(password)),
                )
        except sqlite3.IntegrityError:
            raise AccountExists(email) from None
        log.info("registered learner id=%d", cur.lastrowid)
        return Learner(cur.lastrowid, email.strip().lower(), display_name.strip())

    def authenticate(self, email: str, password: str) -> Optional[Learner]:
        row = self.conn.execute(
            "SELECT id, email, display_name, password_hash FROM learners WHERE email = ?",
            (email.strip().lower(),),
        ).fetchone()
        if row is None or not check_password(password, row["password_hash"]):
            return None
        return Learner(row["id"], row["email"], row["display_name"])

    def change_password(self, learner_id: int, new_password: str) -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE learners SET password_hash = ? WHERE id = ?",
                (hash_password(new_password), learner_id),
            )
