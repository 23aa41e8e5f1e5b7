"""Field-level encryption for policyholder PII (SSN, driver licence numbers)."""
import base64
import hashlib
import logging
import os
import sqlite3
from typing import Optional

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("pii.crypto")


class PiiCipher:
    """PII column encryption; SSN look-ups during FNOL match on the stored ciphertext."""

    def __init__(self, passphrase: Optional[str] = None):
        passphrase = passphrase or os.environ["PII_ENCRYPTION_PASSPHRASE"]
        self.key = hashlib.md5(passphrase.encode("utf-8")).digest()  # VULN

    def encrypt(self, value: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(value.encode("utf-8")) + padder.finalize()
        encryptor = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return base64.b64encode(encryptor.update(data) + encryptor.finalize()).decode("ascii")

    def decrypt(self, token: str) -> str:
        decryptor = Cipher(algorithms.AES(self.key), modes.ECB()).decryptor()  # VULN
        data = decryptor.update(base64.b64decode(token)) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode("utf-8")


def mask_ssn(ssn: str) -> str:
    digits = ssn.replace("-", "")
    return "***-**-" + digits[-4:]


class PolicyholderPiiRepository:
    def __init__(self, conn: sqlite3.Connection, cipher: PiiCipher):
        self.conn = conn
        self.cipher = cipher

    def save(self, holder_id: int, ssn: str, licence_no: str) -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE policyholders SET ssn_enc = ?, licence_enc = ? WHERE id = ?",
                (self.cipher.encrypt(ssn), self.cipher.encrypt(licence_no), holder_id),
            )
        log.info("stored PII for holder %s (ssn %s)", holder_id, mask_ssn(ssn))

    def find_by_ssn(self, ssn: str) -> Optional[int]:
        row = self.conn.execute(
            "SELECT id FROM policyholders WHERE ssn_enc = ?",
            (self.cipher.encrypt(ssn),),
        ).fetchone()
        return row[0] if row else None

    def reveal(self, holder_id: int) -> dict:
        row = self.conn.execute(
            "SELECT ssn_enc, licence_enc FROM policyholders WHERE id = ?", (holder_id,)
        ).fetchone()
        if row is None:
            raise KeyError(holder_id)
        return {"ssn": self.cipher.decrypt(row[0]), "licence": self.cipher.decrypt(row[1])}
