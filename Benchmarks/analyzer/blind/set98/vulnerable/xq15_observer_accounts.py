"""Account store for the weather-spotter reporting app (storm reports, hail size, photos)."""
import hashlib
import logging
import os
import sqlite3
from contextlib import closing
from typing import Optional

log = logging.getLogger("spotter.accounts")
DB_PATH = os.environ.get("SPOTTER_DB", "/var/lib/spotter/accounts.db")

SCHEMA = """
CREATE TABLE IF NOT EXISTS spotters (
    id INTEGER PRIMARY KEY,
    callsign TEXT UNIQUE NOT NULL,
    email TEXT NOT NULL,
    salt TEXT NOT NULL,
    pw_hash TEXT NOT NULL,
    certified INTEGER DEFAULT 0
)
"""


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    conn.execute(SCHEMA)
    return conn


def hash_password(password: str, salt: str) -> str:
    return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN


class SpotterAccounts:
    def register(self, callsign: str, email: str, password: str) -> int:
        if len(password) < 10:
            raise ValueError("password too short")
        salt = os.urandom(8).hex()
        with closing(_db()) as conn, conn:
            cur = conn.execute(
                "INSERT INTO spotters (callsign, email, salt, pw_hash) VALUES (?, ?, ?, ?)",
                (callsign.upper(), email.lower(), salt, hash_password(password, salt)),
            )
            log.info("registered spotter id=%d", cur.lastrowid)
            return cur.lastrowid

    def authenticate(self, callsign: str, password: str) -> Optional[dict]:
        with closing(_db()) as conn:
            row = conn.execute(
                "SELECT id, callsign, salt, pw_hash, certified FROM spotters WHERE callsign = ?",
                (callsign.upper(),),
            ).fetchone()
        if row is None:
            return None
        if hash_password(password, row["salt"]) != row["pw_hash"]:
            log.info("failed login for spotter id=%d", row["id"])
            return None
        return {"id": row["id"], "callsign": row["callsign"], "certified": bool(row["certified"])}

    def change_password(self, spotter_id: int, new_password: str) -> None:
        if len(new_password) < 10:
            raise ValueError("password too short")
        salt = os.urandom(8).hex()
        with closing(_db()) as conn, conn:
            conn.execute(
                "UPDATE spotters SET salt = ?, pw_hash = ? WHERE id = ?",
                (salt, hash_password(new_password, salt), spotter_id),
            )
