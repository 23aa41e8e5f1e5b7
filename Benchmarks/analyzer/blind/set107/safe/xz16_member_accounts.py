"""Member account store for the club kiosk app (SQLite backend)."""
import hashlib
import hmac
import logging
import re
import secrets
import sqlite3
from typing import Optional

log = logging.getLogger("accounts")

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
PBKDF2_ROUNDS = 600_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS members (
    id INTEGER PRIMARY KEY,
    email TEXT UNIQUE NOT NULL,
    pw_hash TEXT NOT NULL,
    tier TEXT NOT NULL DEFAULT 'basic',
    remember_token TEXT
)
"""


class MemberAccounts:
    def __init__(self, path: str = "members.db"):
        self.db = sqlite3.connect(path)
        self.db.execute(SCHEMA)

    @staticmethod
    def _hash(password: str, salt: Optional[bytes] = None) -> str:
        salt = salt or secrets.token_bytes(16)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
        return f"pbkdf2_sha256${PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"

    @staticmethod
    def _check(password: str, stored: str) -> bool:
        _, rounds, salt_hex, digest_hex = stored.split("$")
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"),
                                     bytes.fromhex(salt_hex), int(rounds))
        return hmac.compare_digest(digest.hex(), digest_hex)

    def create(self, email: str, password: str, tier: str = "basic") -> int:
        if not EMAIL_RE.match(email):
            raise ValueError("invalid email")
        if len(password) < 8:
            raise ValueError("password too short")
        cur = self.db.execute(
            "INSERT INTO members (email, pw_hash, tier) VALUES (?, ?, ?)",
            (email.lower(), self._hash(password), tier),
        )
        self.db.commit()
        return cur.lastrowid

    def verify(self, email: str, password: str) -> Optional[int]:
        row = self.db.execute(
            "SELECT id, pw_hash FROM members WHERE email = ?", (email.lower(),)
        ).fetchone()
        if row and self._check(password, row[1]):
            return row[0]
        log.info("bad credentials for %r", email)
        return None

    def issue_remember_token(self, member_id: int) -> str:
        token = secrets.token_urlsafe(32)
        self.db.execute("UPDATE members SET remember_token = ? WHERE id = ?",
                        (hashlib.sha256(token.encode()).hexdigest(), member_id))
        self.db.commit()
        return token

    def change_password(self, member_id: int, old: str, new: str) -> bool:
        row = self.db.execute("SELECT email FROM members WHERE id = ?", (member_id,)).fetchone()
        if row is None or self.verify(row[0], old) != member_id:
            return False
        self.db.execute("UPDATE members SET pw_hash = ? WHERE id = ?", (self._hash(new), member_id))
        self.db.commit()
        return True

