"""Loyalty member PIN and security-question storage.

Used by the POS (PIN entry on the card reader when redeeming points) and by
the kiosk / call-centre flow that verifies members by security answer.
"""
import hashlib
import logging
import re
import sqlite3
from datetime import datetime, timedelta, timezone

log = logging.getLogger("loyalty.pins")

PIN_RE = re.compile(r"^\d{4,6}$")
MAX_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=15)


class PinLocked(Exception):
    pass


class PinStore:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    @staticmethod
    def _hash_pin(pin: str) -> str:
        return hashlib.md5(pin.encode("utf-8")).hexdigest()  # VULN

    @staticmethod
    def _hash_answer(answer: str) -> str:
        normalised = " ".join(answer.lower().split())
        return hashlib.sha1(normalised.encode("utf-8")).hexdigest()  # VULN

    def set_pin(self, member_id: int, pin: str) -> None:
        if not PIN_RE.match(pin):
            raise ValueError("PIN must be 4-6 digits")
        with self.conn:
            self.conn.execute(
                "UPDATE members SET pin_hash = ?, pin_failures = 0, pin_locked_until = NULL WHERE id = ?",
                (self._hash_pin(pin), member_id),
            )

    def check_pin(self, member_id: int, pin: str) -> bool:
        row = self.conn.execute(
            "SELECT pin_hash, pin_failures, pin_locked_until FROM members WHERE id = ?", (member_id,)
        ).fetchone()
        if row is None:
            return False
        stored, failures, locked_until = row
        now = datetime.now(timezone.utc)
        if locked_until and datetime.fromisoformat(locked_until) > now:
            raise PinLocked(member_id)
        if stored and self._hash_pin(pin) == stored:
            with self.conn:
                self.conn.execute("UPDATE members SET pin_failures = 0 WHERE id = ?", (member_id,))
            return True
        failures = (failures or 0) + 1
        lock = (now + LOCKOUT).isoformat() if failures >= MAX_ATTEMPTS else None
        with self.conn:
            self.conn.execute(
                "UPDATE members SET pin_failures = ?, pin_locked_until = ? WHERE id = ?",
                (failures, lock, member_id),
            )
        log.info("pin failure %d for member %s", failures, member_id)
        return False

    def set_security_answer(self, member_id: int, question_id: int, answer: str) -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE members SET question_id = ?, answer_hash = ? WHERE id = ?",
                (question_id, self._hash_answer(answer), member_id),
            )

    def check_security_answer(self, member_id: int, answer: str) -> bool:
        row = self.conn.execute("SELECT answer_hash FROM members WHERE id = ?", (member_id,)).fetchone()
        return bool(row and row[0] and row[0] == self._hash_answer(answer))
