"""User code management for keypad door locks.

Codes are stored hashed on the hub so that a stolen SD card does not
reveal household PINs; the lock itself only receives slot assignments.
"""
import hashlib
import hmac
import logging
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("lock.codes")

DB_PATH = "/var/lib/homehub/locks.db"
MIN_PIN_LEN = 4
MAX_PIN_LEN = 8
KDF_ITERATIONS = 600_000


@dataclass
class UserCode:
    lock_id: str
    slot: int
    label: str
    pin_hash: str


def hash_pin(lock_id: str, pin: str, salt: Optional[bytes] = None) -> str:
    salt = salt or os.urandom(16)
    material = f"{lock_id}:{pin}".encode("utf-8")
    digest = hashlib.pbkdf2_hmac("sha256", material, salt, KDF_ITERATIONS)
    return salt.hex() + "$" + digest.hex()


def _verify(lock_id: str, pin: str, stored: str) -> bool:
    salt_hex, _, _ = stored.partition("$")
    return hmac.compare_digest(stored, hash_pin(lock_id, pin, bytes.fromhex(salt_hex)))


def validate_pin(pin: str) -> None:
    if not pin.isdigit() or not MIN_PIN_LEN <= len(pin) <= MAX_PIN_LEN:
        raise ValueError("PIN must be 4-8 digits")


class CodeStore:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS codes (lock_id TEXT, slot INTEGER, label TEXT, "
            "pin_hash TEXT, PRIMARY KEY (lock_id, slot))"
        )

    def set_code(self, lock_id: str, slot: int, label: str, pin: str) -> UserCode:
        validate_pin(pin)
        code = UserCode(lock_id, slot, label, hash_pin(lock_id, pin))
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO codes VALUES (?, ?, ?, ?)",
                (code.lock_id, code.slot, code.label, code.pin_hash),
            )
        log.info("code slot %d on %r updated", slot, lock_id)
        return code

    def check_code(self, lock_id: str, pin: str) -> Optional[int]:
        rows = self.conn.execute(
            "SELECT slot, pin_hash FROM codes WHERE lock_id = ?", (lock_id,)
        ).fetchall()
        for slot, stored in rows:
            if _verify(lock_id, pin, stored):
                return slot
        return None

    def remove_code(self, lock_id: str, slot: int) -> bool:
        with self.conn:
            cur = self.conn.execute(
                "DELETE FROM codes WHERE lock_id = ? AND slot = ?", (lock_id, slot))
        return cur.rowcount > 0
