"""Member account service for the legacy loyalty portal."""
import hashlib
import hmac
import logging
import os
from dataclasses import dataclass
from typing import Optional

import psycopg2

log = logging.getLogger("loyalty.accounts")

DB_HOST = os.environ.get("LOYALTY_DB_HOST", "db.loyalty.internal")
DB_USER = "loyalty_app"
DB_PASSWORD = os.environ["LOYALTY_DB_PASSWORD"]


def get_connection():
    return psycopg2.connect(host=DB_HOST, dbname="loyalty", user=DB_USER, password=DB_PASSWORD)


@dataclass
class Member:
    id: int
    email: str
    password_hash: str
    salt: str


class PasswordHasher:
    iterations = 600_000

    def hash(self, password: str, salt: str) -> str:
        return hashlib.pbkdf2_hmac(
            "sha256", password.encode("utf-8"), bytes.fromhex(salt), self.iterations
        ).hex()

    def new_salt(self) -> str:
        return os.urandom(16).hex()

    def verify(self, password: str, salt: str, expected: str) -> bool:
        return hmac.compare_digest(self.hash(password, salt), expected)


class AccountService:
    def __init__(self, hasher: Optional[PasswordHasher] = None):
        self.hasher = hasher or PasswordHasher()

    def register(self, email: str, password: str) -> int:
        if len(password) < 10:
            raise ValueError("password too short")
        salt = self.hasher.new_salt()
        digest = self.hasher.hash(password, salt)
        with get_connection() as conn, conn.cursor() as cur:
            cur.execute(
                "INSERT INTO members (email, password_hash, salt) VALUES (%s, %s, %s) RETURNING id",
                (email.lower(), digest, salt),
            )
            return cur.fetchone()[0]

    def authenticate(self, email: str, password: str) -> Optional[Member]:
        with get_connection() as conn, conn.cursor() as cur:
            cur.execute(
                "SELECT id, email, password_hash, salt FROM members WHERE email = %s",
                (email.lower(),),
            )
            row = cur.fetchone()
        if row is None:
            return None
        member = Member(*row)
        if not self.hasher.verify(password, member.salt, member.password_hash):
            log.info("bad password for member %r", member.id)
            return None
        return member
