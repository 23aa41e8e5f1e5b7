"""Local account store for the HR self-service portal.

Most staff sign in through SSO, but contractors and seasonal workers get a
portal-local account. Passwords are stored in the ``portal_users`` table.
"""
import hashlib
import hmac
import logging
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("portal.accounts")

MIN_PASSWORD_LENGTH = 10
PBKDF2_ITERATIONS = 600_000


@dataclass
class PortalUser:
    username: str
    password_hash: str
    employee_id: Optional[int] = None
    locked: bool = False


def hash_password(password: str, salt: Optional[str] = None, iterations: int = PBKDF2_ITERATIONS) -> str:
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("ascii"), iterations).hex()
    return f"pbkdf2_sha256${iterations}${salt}${digest}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _algo, iterations, salt, _digest = stored.split("$")
    except ValueError:
        return False
    return hmac.compare_digest(hash_password(password, salt, int(iterations)), stored)


class AccountStore:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS portal_users ("
            "username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, "
            "employee_id INTEGER, locked INTEGER DEFAULT 0)"
        )

    def create(self, username: str, password: str, employee_id: Optional[int] = None) -> PortalUser:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValueError("password too short")
        user = PortalUser(username, hash_password(password), employee_id)
        with self.conn:
            self.conn.execute(
                "INSERT INTO portal_users (username, password_hash, employee_id) VALUES (?, ?, ?)",
                (user.username, user.password_hash, user.employee_id),
            )
        log.info("created portal account %r", username)
        return user

    def get(self, username: str) -> Optional[PortalUser]:
        row = self.conn.execute(
            "SELECT username, password_hash, employee_id, locked FROM portal_users WHERE username = ?",
            (username,),
        ).fetchone()
        return PortalUser(row[0], row[1], row[2], bool(row[3])) if row else None

    def authenticate(self, username: str, password: str) -> Optional[PortalUser]:
        user = self.get(username)
        if user is None or user.locked:
            return None
        if not verify_password(password, user.password_hash):
            log.info("failed login for %r", username)
            return None
        return user

    def change_password(self, username: str, new_password: str) -> None:
        if len(new_password) < MIN_PASSWORD_LENGTH:
            raise ValueError("password too short")
        with self.conn:
            self.conn.execute(
                "UPDATE portal_users SET password_hash = ? WHERE username = ?",
                (hash_password(new_password), username),
            )
