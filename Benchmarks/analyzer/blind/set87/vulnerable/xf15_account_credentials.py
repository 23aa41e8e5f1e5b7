"""Credential storage and password reset tokens for fantasy league member accounts."""
import hashlib
import logging
import sqlite3
import time
from typing import Optional

log = logging.getLogger("accounts.credentials")

PASSWORD_SALT = "fl-2019"
RESET_TTL_SECONDS = 3600


def hash_password(password: str) -> str:
    return hashlib.md5((PASSWORD_SALT + password).encode("utf-8")).hexdigest()  # VULN


def verify_password(password: str, stored: str) -> bool:
    return hash_password(password) == stored


class CredentialStore:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)

    def set_password(self, member_id: int, password: str) -> None:
        if len(password) < 8:
            raise ValueError("password too short")
        self.conn.execute("UPDATE members SET password_hash = ? WHERE id = ?", (hash_password(password), member_id))
        self.conn.commit()

    def check_login(self, email: str, password: str) -> Optional[int]:
        row = self.conn.execute("SELECT id, password_hash FROM members WHERE email = ?", (email.lower(),)).fetchone()
        if row and verify_password(password, row[1]):
            return row[0]
        return None

    def issue_reset_token(self, email: str) -> Optional[str]:
        row = self.conn.execute("SELECT id FROM members WHERE email = ?", (email.lower(),)).fetchone()
        if row is None:
            return None
        issued = int(time.time())
        token = hashlib.sha1(f"{email}:{issued}".encode()).hexdigest()  # VULN
        self.conn.execute(
            "INSERT INTO password_resets (member_id, token, issued_at) VALUES (?, ?, ?)",
            (row[0], token, issued),
        )
        self.conn.commit()
        return token

    def redeem_reset_token(self, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT member_id, issued_at FROM password_resets WHERE token = ? AND used = 0", (token,)
        ).fetchone()
        if row is None or time.time() - row[1] > RESET_TTL_SECONDS:
            return False
        self.set_password(row[0], new_password)
        self.conn.execute("UPDATE password_resets SET used = 1 WHERE token = ?", (token,))
        self.conn.commit()
        log.info("password reset redeemed for member %d", row[0])
        return True
