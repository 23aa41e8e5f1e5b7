"""Field-level encryption for policyholder PII (SSN, driver licence numbers)."""
import base64
import hashlib
import hmac
import logging
import os
import sqlite3
from typing import Optional

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("pii.crypto")

KDF_ITERATIONS = 600_000


class PiiCipher:
    """PII column encryption; SSN look-ups during FNOL go through blind_index()."""

    def __init__(self, passphrase: Optional[str] = None, salt: Optional[bytes] = None):
        passphrase = passphrase or os.environ["PII_ENCRYPTION_PASSPHRASE"]
        salt = salt or bytes.fromhex(os.environ["PII_KDF_SALT"])
        self.key = hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"), salt, KDF_ITERATIONS)
        self.index_key = hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"), salt + b"idx", KDF_ITERATIONS)

    def encrypt(self, value: str) -> str:
        nonce = os.urandom(12)
        encryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        data = encryptor.update(value.encode("utf-8")) + encryptor.finalize()
        return base64.b64encode(nonce + encryptor.tag + data).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, tag, data = raw[:12], raw[12:28], raw[28:]
        decryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        return (decryptor.update(data) + decryptor.finalize()).decode("utf-8")

    def blind_index(self, value: str) -> str:
        return hmac.new(self.index_key, value.encode("utf-8"), hashlib.sha256).hexdigest()


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
                "UPDATE policyholders SET ssn_enc = ?, ssn_index = ?, licence_enc = ? WHERE id = ?",
                (self.cipher.encrypt(ssn), self.cipher.blind_index(ssn),
                 self.cipher.encrypt(licence_no), holder_id),
            )
        log.info("stored PII for holder %s (ssn %s)", holder_id, mask_ssn(ssn))

    def find_by_ssn(self, ssn: str) -> Optional[int]:
        row = self.conn.execute(
            "SELECT id FROM policyholders WHERE ssn_index = ?",
            (self.cipher.blind_index(ssn),),
        ).fetchone()
        return row[0] if row else None

    def reveal(self, holder_id: int) -> dict:
        row = self.conn.execute(
            "SELECT ssn_enc, licence_enc FROM policyholders WHERE id = ?", (holder_id,)
        ).fetchone()
        if row is None:
            raise KeyError(holder_id)
        return {"ssn": self.cipher.decrypt(row[0]), "licence": self.cipher.decrypt(row[1])}
