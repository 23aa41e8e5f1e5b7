"""Field-level encryption for financial-aid records.

SSNs and bank routing details submitted on aid applications are encrypted
before they are written to the aid database; only the disbursement service
decrypts them.
"""
import base64
import logging
import os
import sqlite3
from typing import Optional

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("finaid.crypto")

_FALLBACK_KEY = bytes.fromhex("6f1d2a9b3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8")  # VULN


def _load_key() -> bytes:
    hex_key = os.environ.get("FINAID_FIELD_KEY")
    if hex_key:
        return bytes.fromhex(hex_key)
    log.warning("FINAID_FIELD_KEY not set, using built-in key")
    return _FALLBACK_KEY


class FieldCipher:
    def __init__(self, key: Optional[bytes] = None):
        self.key = key or _load_key()

    def encrypt(self, plaintext: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(plaintext.encode("utf-8")) + padder.finalize()
        encryptor = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return base64.b64encode(encryptor.update(data) + encryptor.finalize()).decode("ascii")

    def decrypt(self, token: str) -> str:
        decryptor = Cipher(algorithms.AES(self.key), modes.ECB()).decryptor()  # VULN
        data = decryptor.update(base64.b64decode(token)) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode("utf-8")


def mask_ssn(ssn: str) -> str:
    digits = "".join(ch for ch in ssn if ch.isdigit())
    return f"***-**-{digits[-4:]}" if len(digits) == 9 else "***-**-****"


class AidApplicationRepository:
    def __init__(self, db_path: str, cipher: FieldCipher):
        self.conn = sqlite3.connect(db_path)
        self.cipher = cipher

    def save(self, application_id: str, ssn: str, routing: str, account: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO aid_sensitive (application_id, ssn_enc, routing_enc, account_enc, ssn_masked) "
                "VALUES (?, ?, ?, ?, ?)",
                (application_id, self.cipher.encrypt(ssn), self.cipher.encrypt(routing),
                 self.cipher.encrypt(account), mask_ssn(ssn)),
            )
        log.info("stored sensitive fields for application %r", application_id)

    def bank_details(self, application_id: str) -> Optional[dict]:
        row = self.conn.execute(
            "SELECT routing_enc, account_enc FROM aid_sensitive WHERE application_id = ?",
            (application_id,),
        ).fetchone()
        if row is None:
            return None
        return {"routing": self.cipher.decrypt(row[0]), "account": self.cipher.decrypt(row[1])}
