"""Account helpers for the co-op member portal (settlement statements,
contract balances, delivery history)."""
import hashlib
import hmac
import logging
import secrets
import sqlite3
import time
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("portal.accounts")

RESET_TTL_SECONDS = 30 * 60
PBKDF2_ITERATIONS = 390_000


@dataclass
class Member:
    member_no: str
    email: str
    password_hash: str


class AccountStore:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.row_factory = sqlite3.Row

    @staticmethod
    def hash_password(password: str, salt: Optional[bytes] = None) -> str:
        salt = salt or secrets.token_bytes(16)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
        return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"

    @staticmethod
    def check_password(stored: str, password: str) -> bool:
        try:
            _algo, iterations, salt_hex, digest_hex = stored.split("$")
        except ValueError:
            return False
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(iterations))
        return hmac.compare_digest(digest.hex(), digest_hex)

    def get(self, member_no: str) -> Optional[Member]:
        row = self.conn.execute(
            "SELECT member_no, email, password_hash FROM members WHERE member_no = ?",
            (member_no,),
        ).fetchone()
        return Member(**row) if row else None

    def set_password(self, member_no: str, password: str) -> None:
        if len(password) < 10:
            raise ValueError("password must be at least 10 characters")
        self.conn.execute(
            "UPDATE members SET password_hash = ? WHERE member_no = ?",
            (self.hash_password(password), member_no),
        )
        self.conn.commit()

    def authenticate(self, member_no: str, password: str) -> Optional[Member]:
        member = self.get(member_no)
        if member is None:
            return None
        if not self.check_password(member.password_hash, password):
            log.info("failed login for member %r", member_no)
            return None
        return member

    def start_reset(self, member_no: str) -> Optional[str]:
        member = self.get(member_no)
        if member is None:
            return None
        token = secrets.token_urlsafe(32)
        self.conn.execute(
            "INSERT INTO password_resets (member_no, token, expires_at) VALUES (?, ?, ?)",
            (member_no, hashlib.sha256(token.encode()).hexdigest(), int(time.time()) + RESET_TTL_SECONDS),
        )
        self.conn.commit()
        return token

    def finish_reset(self, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT member_no FROM password_resets WHERE token = ? AND expires_at > ?",
            (hashlib.sha256(token.encode()).hexdigest(), int(time.time())),
        ).fetchone()
        if row is None:
            return False
        self.set_password(row["member_no"], new_password)
        self.conn.execute("DELETE FROM password_resets WHERE member_no = ?", (row["member_no"],))
        self.conn.commit()
        return True
