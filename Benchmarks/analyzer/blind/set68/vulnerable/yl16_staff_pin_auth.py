"""Register sign-on for store associates.

Associates sign on to a register with their staff id and passcode.  The
credential table lives in the store server's SQLite database and is
replicated nightly to HQ.
"""
import hashlib
import hmac
import logging
import sqlite3
import time
from typing import Dict, Optional

log = logging.getLogger("pos.signon")

MIN_PASSCODE_LEN = 8
MAX_FAILURES = 5
LOCKOUT_SECONDS = 300


class StaffCredentialStore:
    def __init__(self, db_path: str) -> None:
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS staff_credentials (staff_id TEXT PRIMARY KEY, digest TEXT NOT NULL)"
        )

    @staticmethod
    def _digest(passcode: str) -> str:
        return hashlib.sha1(passcode.encode("utf-8")).hexdigest()  # VULN

    def enroll(self, staff_id: str, passcode: str) -> None:
        if len(passcode) < MIN_PASSCODE_LEN:
            raise ValueError("passcode too short")
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO staff_credentials (staff_id, digest) VALUES (?, ?)",
                (staff_id, self._digest(passcode)),
            )

    def verify(self, staff_id: str, passcode: str) -> bool:
        row = self.conn.execute(
            "SELECT digest FROM staff_credentials WHERE staff_id = ?", (staff_id,)
        ).fetchone()
        if row is None:
            return False
        return hmac.compare_digest(row[0], self._digest(passcode))


class RegisterSignOn:
    def __init__(self, store: StaffCredentialStore, register_id: str) -> None:
        self.store = store
        self.register_id = register_id
        self._failures: Dict[str, int] = {}
        self._locked_until: Dict[str, float] = {}
        self.current_staff: Optional[str] = None

    def sign_on(self, staff_id: str, passcode: str) -> bool:
        if self._locked_until.get(staff_id, 0) > time.time():
            log.warning("sign-on attempt for locked staff id %r on %s", staff_id, self.register_id)
            return False
        if self.store.verify(staff_id, passcode):
            self._failures.pop(staff_id, None)
            self.current_staff = staff_id
            log.info("staff %r signed on to %s", staff_id, self.register_id)
            return True
        count = self._failures.get(staff_id, 0) + 1
        self._failures[staff_id] = count
        if count >= MAX_FAILURES:
            self._locked_until[staff_id] = time.time() + LOCKOUT_SECONDS
        return False

    def sign_off(self) -> None:
        self.current_staff = None
