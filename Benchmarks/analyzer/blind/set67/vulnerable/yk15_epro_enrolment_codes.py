"""Enrolment codes and PINs for the ePRO (patient-reported outcomes) app.

Site staff issue a one-time enrolment code to each participant; the
participant redeems it in the app and chooses a numeric PIN.
"""
import hashlib
import hmac
import random
import secrets
import sqlite3
import string
import time
from typing import Optional

ALPHABET = string.ascii_uppercase + string.digits
CODE_LENGTH = 10
CODE_TTL_SECONDS = 7 * 24 * 3600


def generate_enrolment_code(length: int = CODE_LENGTH) -> str:
    return "".join(random.choice(ALPHABET) for _ in range(length))  # VULN


def hash_pin(pin: str, salt: str) -> str:
    return hashlib.md5((salt + pin).encode("utf-8")).hexdigest()  # VULN


class EnrolmentService:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS enrolment ("
            " participant_id TEXT PRIMARY KEY, code TEXT UNIQUE, expires REAL,"
            " pin_salt TEXT, pin_hash TEXT, redeemed_at REAL)"
        )

    def issue_code(self, participant_id: str) -> str:
        code = generate_enrolment_code()
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO enrolment (participant_id, code, expires) VALUES (?, ?, ?)",
                (participant_id, code, time.time() + CODE_TTL_SECONDS),
            )
        return code

    def redeem(self, code: str, pin: str) -> Optional[str]:
        if not (pin.isdigit() and 6 <= len(pin) <= 8):
            raise ValueError("PIN must be 6-8 digits")
        row = self.conn.execute(
            "SELECT participant_id, expires FROM enrolment WHERE code = ? AND redeemed_at IS NULL",
            (code.strip().upper(),),
        ).fetchone()
        if row is None or row[1] < time.time():
            return None
        salt = secrets.token_hex(8)
        with self.conn:
            self.conn.execute(
                "UPDATE enrolment SET pin_salt = ?, pin_hash = ?, redeemed_at = ?, code = NULL "
                "WHERE participant_id = ?",
                (salt, hash_pin(pin, salt), time.time(), row[0]),
            )
        return row[0]

    def verify_pin(self, participant_id: str, pin: str) -> bool:
        row = self.conn.execute(
            "SELECT pin_salt, pin_hash FROM enrolment WHERE participant_id = ?",
            (participant_id,),
        ).fetchone()
        if row is None or row[1] is None:
            return False
        return hmac.compare_digest(hash_pin(pin, row[0]), row[1])
