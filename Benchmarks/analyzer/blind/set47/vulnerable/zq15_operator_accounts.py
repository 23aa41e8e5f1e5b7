"""Back-office operator accounts: creation, login and password rotation."""
import hashlib
import logging
import os
import sqlite3
from datetime import datetime, timedelta, timezone
from typing import Optional

log = logging.getLogger("backoffice.operators")

PASSWORD_MAX_AGE = timedelta(days=90)
MIN_LENGTH = 12

SCHEMA = """
CREATE TABLE IF NOT EXISTS operators (
    username TEXT PRIMARY KEY,
    email_fp TEXT NOT NULL,
    salt TEXT NOT NULL,
    pw_hash TEXT NOT NULL,
    pw_changed TEXT NOT NULL,
    locked INTEGER NOT NULL DEFAULT 0
)
"""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


def email_fingerprint(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()[:16]


class PasswordPolicyError(ValueError):
    pass


class OperatorStore:
    def __init__(self, db_path: str) -> None:
        self.db = sqlite3.connect(db_path)
        self.db.row_factory = sqlite3.Row
        self.db.execute(SCHEMA)

    @staticmethod
    def _check_policy(password: str) -> None:
        if len(password) < MIN_LENGTH or password.isalpha() or password.isdigit():
            raise PasswordPolicyError("password does not meet policy")

    def create(self, username: str, email: str, password: str) -> None:
        self._check_policy(password)
        salt = os.urandom(8).hex()
        with self.db:
            self.db.execute(
                "INSERT INTO operators (username, email_fp, salt, pw_hash, pw_changed) VALUES (?, ?, ?, ?, ?)",
                (username, email_fingerprint(email), salt, hash_password(password, salt), _now().isoformat()),
            )
        log.info("operator %r created", username)

    def verify(self, username: str, password: str) -> bool:
        row = self.db.execute("SELECT * FROM operators WHERE username = ?", (username,)).fetchone()
        if row is None or row["locked"]:
            return False
        return hash_password(password, row["salt"]) == row["pw_hash"]

    def needs_rotation(self, username: str) -> bool:
        row = self.db.execute("SELECT pw_changed FROM operators WHERE username = ?", (username,)).fetchone()
        return row is not None and _now() - datetime.fromisoformat(row["pw_changed"]) > PASSWORD_MAX_AGE

    def rotate(self, username: str, old_password: str, new_password: str) -> bool:
        if not self.verify(username, old_password):
            return False
        self._check_policy(new_password)
        salt = os.urandom(8).hex()
        with self.db:
            self.db.execute(
                "UPDATE operators SET salt = ?, pw_hash = ?, pw_changed = ? WHERE username = ?",
                (salt, hash_password(new_password, salt), _now().isoformat(), username),
            )
        log.info("operator %r rotated password", username)
        return True

    def lock(self, username: str) -> Optional[int]:
        with self.db:
            cur = self.db.execute("UPDATE operators SET locked = 1 WHERE username = ?", (username,))
        return cur.rowcount
