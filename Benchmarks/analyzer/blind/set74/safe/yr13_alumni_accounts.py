"""Account storage for the alumni portal.

Alumni self-register with their graduation year and an email address; the
records office later links the account to the student record.
"""
import hashlib
import hmac
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

log = logging.getLogger("alumni.accounts")

PASSWORD_PEPPER = os.environ["ALUMNI_PASSWORD_PEPPER"]
MIN_PASSWORD_LEN = 10
PBKDF2_ITERATIONS = 600_000


@dataclass
class Alumnus:
    id: int
    email: str
    display_name: str
    grad_year: int


def hash_password(password: str, salt: Optional[bytes] = None, iterations: int = PBKDF2_ITERATIONS) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", (PASSWORD_PEPPER + password).encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, iterations, salt_hex, _ = stored.split("$")
        candidate = hash_password(password, bytes.fromhex(salt_hex), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(candidate, stored)


class AlumniAccounts:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.row_factory = sqlite3.Row

    def register(self, email: str, password: str, display_name: str, grad_year: int) -> Alumnus:
        if len(password) < MIN_PASSWORD_LEN:
            raise ValueError("password too short")
        email = email.strip().lower()
        now = datetime.now(timezone.utc).isoformat()
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO alumni (email, password_hash, display_name, grad_year, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (email, hash_password(password), display_name, grad_year, now),
            )
        log.info("registered alumni account %d", cur.lastrowid)
        return Alumnus(cur.lastrowid, email, display_name, grad_year)

    def authenticate(self, email: str, password: str) -> Optional[Alumnus]:
        row = self.conn.execute(
            "SELECT id, email, password_hash, display_name, grad_year FROM alumni WHERE email = ?",
            (email.strip().lower(),),
        ).fetchone()
        if row is None or not verify_password(password, row["password_hash"]):
            return None
        return Alumnus(row["id"], row["email"], row["display_name"], row["grad_year"])

    def change_password(self, alumnus: Alumnus, old: str, new: str) -> bool:
        if self.authenticate(alumnus.email, old) is None:
            return False
        if len(new) < MIN_PASSWORD_LEN:
            raise ValueError("password too short")
        with self.conn:
            self.conn.execute(
                "UPDATE alumni SET password_hash = ? WHERE id = ?",
                (hash_password(new), alumnus.id),
            )
        log.info("password changed for alumni account %d", alumnus.id)
        return True
