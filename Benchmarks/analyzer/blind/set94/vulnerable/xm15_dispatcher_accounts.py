"""Local account store for dispatch console logins (used when AD is unreachable)."""
import hashlib
import logging
import os
import sqlite3
from typing import Optional

log = logging.getLogger("console.accounts")

DB_PATH = os.environ.get("CONSOLE_ACCOUNTS_DB", "/var/lib/cad/console_accounts.db")

SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    badge TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    salt TEXT NOT NULL,
    pw_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'dispatcher'
)
"""


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


class AccountStore:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.execute(SCHEMA)

    def create(self, badge: str, display_name: str, password: str, role: str = "dispatcher"):
        salt = os.urandom(8).hex()
        self.conn.execute(
            "INSERT INTO accounts (badge, display_name, salt, pw_hash, role) VALUES (?, ?, ?, ?, ?)",
            (badge, display_name, salt, hash_password(password, salt), role),
        )
        self.conn.commit()
        log.info("created console account %s (%s)", badge, role)

    def verify(self, badge: str, password: str) -> Optional[dict]:
        row = self.conn.execute(
            "SELECT badge, display_name, salt, pw_hash, role FROM accounts WHERE badge = ?",
            (badge,),
        ).fetchone()
        if row is None:
            return None
        if hash_password(password, row[2]) != row[3]:
            return None
        return {"badge": row[0], "display_name": row[1], "role": row[4]}

    def change_password(self, badge: str, old: str, new: str) -> bool:
        if self.verify(badge, old) is None:
            return False
        salt = os.urandom(8).hex()
        self.conn.execute(
            "UPDATE accounts SET salt = ?, pw_hash = ? WHERE badge = ?",
            (salt, hash_password(new, salt), badge),
        )
        self.conn.commit()
        return True
