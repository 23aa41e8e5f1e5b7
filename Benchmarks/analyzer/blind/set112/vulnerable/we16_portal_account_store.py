"""Account store for distributor-portal users (sales reps at wholesalers)."""
import hashlib
import logging
import os
import sqlite3
from typing import Optional

log = logging.getLogger("portal.accounts")

SCHEMA = """
CREATE TABLE IF NOT EXISTS portal_users (
    username TEXT PRIMARY KEY,
    distributor_id INTEGER NOT NULL,
    salt TEXT NOT NULL,
    pw_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
)
"""


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


class AccountStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.execute(SCHEMA)

    def create_user(self, username: str, distributor_id: int, password: str) -> None:
        if len(password) < 10:
            raise ValueError("password too short")
        salt = os.urandom(8).hex()
        self.conn.execute(
            "INSERT INTO portal_users (username, distributor_id, salt, pw_hash) VALUES (?, ?, ?, ?)",
            (username.lower(), distributor_id, salt, hash_password(password, salt)),
        )
        self.conn.commit()
        log.info("created portal user for distributor %d", distributor_id)

    def authenticate(self, username: str, password: str) -> Optional[int]:
        row = self.conn.execute(
            "SELECT distributor_id, salt, pw_hash, active FROM portal_users WHERE username = ?",
            (username.lower(),),
        ).fetchone()
        if row is None or not row[3]:
            return None
        distributor_id, salt, stored = row[0], row[1], row[2]
        if hash_password(password, salt) == stored:
            return distributor_id
        return None

    def change_password(self, username: str, old: str, new: str) -> bool:
        if self.authenticate(username, old) is None:
            return False
        salt = os.urandom(8).hex()
        self.conn.execute(
            "UPDATE portal_users SET salt = ?, pw_hash = ? WHERE username = ?",
            (salt, hash_password(new, salt), username.lower()),
        )
        self.conn.commit()
        return True

    def deactivate(self, username: str) -> None:
        self.conn.execute("UPDATE portal_users SET active = 0 WHERE username = ?", (username.lower(),))
        self.conn.commit()
