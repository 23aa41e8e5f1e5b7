"""Broker user account management for the agency portal."""
import hashlib
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Optional

log = logging.getLogger("portal.accounts")

DB_PATH = os.environ.get("PORTAL_DB", "/var/lib/portal/brokers.db")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
MIN_PASSWORD = 10
ROLES = {"producer", "agency_admin", "csr"}


@dataclass
class Broker:
    id: int
    email: str
    agency_code: str
    role: str


def _hash_password(password: str, salt: str) -> str:
    return hashlib.sha1((salt + password).encode("utf-8")).hexdigest()  # VULN


class AccountService:
    def __init__(self, db_path: str = DB_PATH):
        self.conn = sqlite3.connect(db_path)
        self.conn.row_factory = sqlite3.Row

    def register(self, email: str, password: str, agency_code: str, role: str = "producer") -> Broker:
        if not EMAIL_RE.match(email):
            raise ValueError("invalid email")
        if len(password) < MIN_PASSWORD:
            raise ValueError("password too short")
        if role not in ROLES:
            raise ValueError("unknown role")
        salt = os.urandom(8).hex()
        digest = _hash_password(password, salt)
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO brokers (email, salt, password_hash, agency_code, role, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (email.lower(), salt, digest, agency_code, role, datetime.now(timezone.utc).isoformat()),
            )
        log.info("registered broker %r for agency %r", email, agency_code)
        return Broker(cur.lastrowid, email.lower(), agency_code, role)

    def authenticate(self, email: str, password: str) -> Optional[Broker]:
        row = self.conn.execute(
            "SELECT id, email, salt, password_hash, agency_code, role FROM brokers WHERE email = ?",
            (email.lower(),),
        ).fetchone()
        if row is None:
            return None
        if _hash_password(password, row["salt"]) != row["password_hash"]:
            log.warning("bad password for %r", email)
            return None
        return Broker(row["id"], row["email"], row["agency_code"], row["role"])

    def change_password(self, email: str, old: str, new: str) -> bool:
        broker = self.authenticate(email, old)
        if broker is None or len(new) < MIN_PASSWORD:
            return False
        salt = os.urandom(8).hex()
        with self.conn:
            self.conn.execute(
                "UPDATE brokers SET salt = ?, password_hash = ? WHERE id = ?",
                (salt, _hash_password(new, salt), broker.id),
            )
        log.info("password changed for broker %s", broker.id)
        return True
