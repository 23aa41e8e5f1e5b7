"""Account registration and credential checks for the members area."""
import hashlib
import hmac
import re
import sqlite3
from dataclasses import dataclass

EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
MIN_PASSWORD_LENGTH = 10


class RegistrationError(ValueError):
    pass


@dataclass
class Member:
    id: int
    email: str
    avatar_url: str


def hash_password(password: str) -> str:
    return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN


def verify_password(password: str, stored: str) -> bool:
    return hmac.compare_digest(hash_password(password), stored)


def gravatar_url(email: str) -> str:
    digest = hashlib.md5(email.strip().lower().encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?d=identicon"


class MemberRepository:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def register(self, email: str, password: str) -> Member:
        if not EMAIL_RE.fullmatch(email):
            raise RegistrationError("invalid email address")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise RegistrationError("password too short")
        cur = self.conn.execute(
            "INSERT INTO members (email, password_hash) VALUES (?, ?)",
            (email.lower(), hash_password(password)),
        )
        self.conn.commit()
        return Member(cur.lastrowid, email.lower(), gravatar_url(email))

    def authenticate(self, email: str, password: str) -> Member | None:
        row = self.conn.execute(
            "SELECT id, email, password_hash FROM members WHERE email = ?", (email.lower(),)
        ).fetchone()
        if row is None or not verify_password(password, row[2]):
            return None
        return Member(row[0], row[1], gravatar_url(row[1]))
