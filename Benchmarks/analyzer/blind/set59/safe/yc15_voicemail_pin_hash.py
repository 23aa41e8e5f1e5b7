"""Credential helpers for the hosted PBX: voicemail PINs and web portal passwords."""
import hashlib
import hmac
import os
import re
import sqlite3
from typing import Optional

PIN_RE = re.compile(r"^\d{4,10}$")
WEAK_PINS = {"0000", "1111", "1234", "4321", "123456", "654321"}
PBKDF2_ROUNDS = 310_000


class CredentialError(ValueError):
    pass


def validate_pin(pin: str, extension: str) -> None:
    if not PIN_RE.match(pin):
        raise CredentialError("PIN must be 4-10 digits")
    if pin in WEAK_PINS or pin == extension or len(set(pin)) == 1:
        raise CredentialError("PIN is too easy to guess")


def hash_pin(pin: str, mailbox: str, salt: Optional[bytes] = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(f"{mailbox}:{pin}".encode(), salt=salt, n=2**14, r=8, p=1)
    return salt.hex() + "$" + digest.hex()


def hash_portal_password(password: str, username: str, salt: Optional[bytes] = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return salt.hex() + "$" + digest.hex()


def _matches(stored: str, candidate_fn) -> bool:
    salt_hex, _, _ = stored.partition("$")
    return hmac.compare_digest(stored, candidate_fn(bytes.fromhex(salt_hex)))


class PbxCredentials:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)

    def set_voicemail_pin(self, mailbox: str, extension: str, pin: str) -> None:
        validate_pin(pin, extension)
        self.conn.execute("UPDATE voicemail SET pin_hash = ? WHERE mailbox = ?",
                          (hash_pin(pin, mailbox), mailbox))
        self.conn.commit()

    def check_voicemail_pin(self, mailbox: str, pin: str) -> bool:
        row = self.conn.execute("SELECT pin_hash FROM voicemail WHERE mailbox = ?", (mailbox,)).fetchone()
        return row is not None and _matches(row[0], lambda salt: hash_pin(pin, mailbox, salt))

    def set_portal_password(self, username: str, password: str) -> None:
        if len(password) < 10:
            raise CredentialError("password too short")
        self.conn.execute("UPDATE portal_users SET pw_hash = ? WHERE username = ?",
                          (hash_portal_password(password, username), username))
        self.conn.commit()

    def check_portal_password(self, username: str, password: str) -> Optional[int]:
        row = self.conn.execute("SELECT id, pw_hash FROM portal_users WHERE username = ?",
                                (username,)).fetchone()
        if row and _matches(row[1], lambda salt: hash_portal_password(password, username, salt)):
            return row[0]
        return None
