"""Credential storage for the gym membership kiosk (SQLite backed)."""
import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional

DB_PATH = os.environ.get("KIOSK_DB", "/var/lib/kiosk/members.db")


@dataclass
class Member:
    id: int
    email: str
    password_hash: str


def hash_password(password: str, salt: Optional[str] = None) -> str:
    salt = salt or os.urandom(16).hex()
    digest = hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN
    return f"md5${salt}${digest}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, salt, _digest = stored.split("$", 2)
    except ValueError:
        return False
    return hmac.compare_digest(hash_password(password, salt), stored)


class MemberStore:
    def __init__(self, path=DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS members ("
            "id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL, password_hash TEXT NOT NULL)"
        )

    def register(self, email: str, password: str) -> int:
        if len(password) < 10:
            raise ValueError("password too short")
        cur = self.conn.execute(
            "INSERT INTO members (email, password_hash) VALUES (?, ?)",
            (email.lower(), hash_password(password)),
        )
        self.conn.commit()
        return cur.lastrowid

    def find(self, email: str) -> Optional[Member]:
        row = self.conn.execute(
            "SELECT id, email, password_hash FROM members WHERE email = ?", (email.lower(),)
        ).fetchone()
        return Member(*row) if row else None

    def authenticate(self, email: str, password: str) -> Optional[Member]:
        member = self.find(email)
        if member and verify_password(password, member.password_hash):
            return member
        return None

