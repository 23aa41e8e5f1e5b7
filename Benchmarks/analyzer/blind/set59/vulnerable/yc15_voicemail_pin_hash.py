"""Credential helpers for the hosted PBX: voicemail PINs and web portal passwords."""
import hashlib
import hmac
import re
import sqlite3
from typing import Optional

PIN_RE = re.compile(r"^\d{4,10}$")
WEAK_PINS = {"0000", "1111", "1234", "4321", "123456", "654321"}


class CredentialError(ValueError):
    pass


def validate_pin(pin: str, extension: str) -> None:
    if not PIN_RE.match(pin):
        raise CredentialError("PIN must be 4-10 digits")
    if pin in WEAK_PINS or pin == extension or len(set(pin)) == 1:
        raise CredentialError("PIN is too easy to guess")


def hash_pin(pin: str, mailbox: str) -> str:
    return hashlib.md5(f"{mailbox}:{pin}".encode()).hexdigest()  # VULN


def hash_portal_password(password: str, username: str) -> str:
    salted = (username.lower() + password).encode("utf-8")
    return hashlib.sha1(salted).hexdigest()  # VULN


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
        return row is not None and hmac.compare_digest(row[0], hash_pin(pin, mailbox))

    def set_portal_password(self, username: str, password: str) -> None:
        if len(password) < 10:
            raise CredentialError("password too short")
        self.conn.execute("UPDATE portal_users SET pw_hash = ? WHERE username = ?",
                          (hash_portal_password(password, username), username))
        self.conn.commit()

    def check_portal_password(self, username: str, password: str) -> Optional[int]:
        row = self.conn.execute("SELECT id, pw_hash FROM portal_users WHERE username = ?",
                                (username,)).fetchone()
        if row and hmac.compare_digest(row[1], hash_portal_password(password, username)):
            return row[0]
        return None
