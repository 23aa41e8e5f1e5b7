"""Credential storage and password reset tokens for fantasy league member accounts."""
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import time
from typing import Optional

log = logging.getLogger("accounts.credentials")

PBKDF2_ROUNDS = 390_000
RESET_TTL_SECONDS = 3600


def hash_password(password: str, salt: Optional[bytes] = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _algo, rounds, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(rounds))
    return hmac.compare_digest(digest.hex(), digest_hex)


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
        token = secrets.token_urlsafe(32)
        self.conn.execute(
            "INSERT INTO password_resets (member_id, token, issued_at) VALUES (?, ?, ?)",
            (row[0], hashlib.sha256(token.encode()).hexdigest(), issued),
        )
        self.conn.commit()
        return token

    def redeem_reset_token(self, token: str, new_password: str) -> bool:
        token_hash = hashlib.sha256(token.encode()).hexdigest()
        row = self.conn.execute(
            "SELECT member_id, issued_at FROM password_resets WHERE token = ? AND used = 0", (token_hash,)
        ).fetchone()
        if row is None or time.time() - row[1] > RESET_TTL_SECONDS:
            return False
        self.set_password(row[0], new_password)
        self.conn.execute("UPDATE password_resets SET used = 1 WHERE token = ?", (token_hash,))
        self.conn.commit()
        log.info("password reset redeemed for member %d", row[0])
        return True
