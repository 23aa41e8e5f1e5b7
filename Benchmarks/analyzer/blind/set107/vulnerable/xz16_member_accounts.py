"""Member account store for the club kiosk app (SQLite backend)."""
import hashlib
import logging
import re
import sqlite3
import time
from typing import Optional

log = logging.getLogger("accounts")

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)

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
    def _hash(password: str) -> str:
        return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN

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
        if row and row[1] == self._hash(password):
            return row[0]
        log.info("bad credentials for %r", email)
        return None

    def issue_remember_token(self, member_id: int) -> str:
        token = hashlib.sha1(f"{member_id}:{int(time.time())}".encode()).hexdigest()  # VULN
        self.db.execute("UPDATE members SET remember_token = ? WHERE id = ?", (token, member_id))
        self.db.commit()
        return token

    def change_password(self, member_id: int, old: str, new: str) -> bool:
        row = self.db.execute("SELECT email FROM members WHERE id = ?", (member_id,)).fetchone()
        if row is None or self.verify(row[0], old) != member_id:
            return False
        self.db.execute("UPDATE members SET pw_hash = ? WHERE id = ?", (self._hash(new), member_id))
        self.db.commit()
        return True
