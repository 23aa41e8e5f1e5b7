"""Customer care passcode handling.

Subscribers set a 4-8 digit care passcode that agents and the IVR ask for
before a SIM swap, PUK release or port-out authorisation.
"""
import hashlib
import logging
import re
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("care.passcode")

DB_PATH = "/var/lib/care/passcodes.db"
PASSCODE_RE = re.compile(r"^\d{4,8}$")
MAX_ATTEMPTS = 5


@dataclass
class PasscodeRecord:
    account_id: str
    digest: str
    failed_attempts: int


class PasscodeStore:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS care_passcodes ("
            "account_id TEXT PRIMARY KEY, digest TEXT NOT NULL, failed_attempts INTEGER DEFAULT 0)"
        )

    def get(self, account_id: str) -> Optional[PasscodeRecord]:
        row = self.conn.execute(
            "SELECT account_id, digest, failed_attempts FROM care_passcodes WHERE account_id = ?",
            (account_id,),
        ).fetchone()
        return PasscodeRecord(*row) if row else None

    def put(self, account_id: str, digest: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO care_passcodes (account_id, digest, failed_attempts) VALUES (?, ?, 0)",
                (account_id, digest),
            )

    def bump_failures(self, account_id: str) -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE care_passcodes SET failed_attempts = failed_attempts + 1 WHERE account_id = ?",
                (account_id,),
            )


def _digest(account_id: str, passcode: str) -> str:
    return hashlib.md5((account_id + ":" + passcode).encode()).hexdigest()  # VULN


def set_passcode(store: PasscodeStore, account_id: str, passcode: str) -> None:
    if not PASSCODE_RE.match(passcode):
        raise ValueError("passcode must be 4-8 digits")
    store.put(account_id, _digest(account_id, passcode))
    log.info("care passcode updated for account %r", account_id)


def verify_passcode(store: PasscodeStore, account_id: str, passcode: str) -> bool:
    record = store.get(account_id)
    if record is None or record.failed_attempts >= MAX_ATTEMPTS:
        return False
    if _digest(account_id, passcode) == record.digest:
        return True
    store.bump_failures(account_id)
    log.warning("wrong care passcode for account %r", account_id)
    return False
