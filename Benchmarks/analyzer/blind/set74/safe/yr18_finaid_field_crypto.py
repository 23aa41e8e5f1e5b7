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

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("finaid.crypto")

NONCE_LEN = 12
TAG_LEN = 16


def _load_key() -> bytes:
    hex_key = os.environ.get("FINAID_FIELD_KEY")
    if not hex_key:
        raise RuntimeError("FINAID_FIELD_KEY must be configured")
    key = bytes.fromhex(hex_key)
    if len(key) != 32:
        raise RuntimeError("FINAID_FIELD_KEY must be 256 bits")
    return key


class FieldCipher:
    def __init__(self, key: Optional[bytes] = None):
        self.key = key or _load_key()

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(NONCE_LEN)
        encryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        ciphertext = encryptor.update(plaintext.encode("utf-8")) + encryptor.finalize()
        return base64.b64encode(nonce + encryptor.tag + ciphertext).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, tag, ciphertext = raw[:NONCE_LEN], raw[NONCE_LEN:NONCE_LEN + TAG_LEN], raw[NONCE_LEN + TAG_LEN:]
        decryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        data = decryptor.update(ciphertext) + decryptor.finalize()
        return data.decode("utf-8")


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
