"""Credential storage for the legacy member area."""
import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional


@dataclass
class Member:
    id: int
    email: str
    password_hash: str
    salt: str


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


def avatar_cache_key(email: str) -> str:
    digest = hashlib.md5(email.strip().lower().encode("utf-8"), usedforsecurity=False)
    return f"avatar:{digest.hexdigest()}"


class MemberStore:
    def __init__(self, path: str = "members.db"):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS members ("
            "id INTEGER PRIMARY KEY, email TEXT UNIQUE, password_hash TEXT, salt TEXT)"
        )

    def register(self, email: str, password: str) -> int:
        if len(password) < 10:
            raise ValueError("password too short")
        salt = os.urandom(16).hex()
        cur = self.conn.execute(
            "INSERT INTO members (email, password_hash, salt) VALUES (?, ?, ?)",
            (email.lower(), hash_password(password, salt), salt),
        )
        self.conn.commit()
        return cur.lastrowid

    def get(self, email: str) -> Optional[Member]:
        row = self.conn.execute(
            "SELECT id, email, password_hash, salt FROM members WHERE email = ?", (email.lower(),)
        ).fetchone()
        return Member(*row) if row else None

    def authenticate(self, email: str, password: str) -> Optional[Member]:
        member = self.get(email)
        if member is None:
            return None
        candidate = hash_password(password, member.salt)
        return member if hmac.compare_digest(candidate, member.password_hash) else None

    def change_password(self, member: Member, new_password: str) -> None:
        salt = os.urandom(16).hex()
        self.conn.execute(
            "UPDATE members SET password_hash = ?, salt = ? WHERE id = ?",
            (hash_password(new_password, salt), salt, member.id),
        )
        self.conn.commit()
