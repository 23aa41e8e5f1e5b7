"""Envelope encryption for the tenant secrets store.

Each secret value is encrypted with the store's master key before it is
written to the ``secret_versions`` table.
"""
import base64
import logging
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vault.crypto")

MASTER_KEY = bytes.fromhex("3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a")  # VULN


@dataclass
class SealedSecret:
    tenant_id: str
    name: str
    version: int
    ciphertext: str
    created_at: str


class SecretCipher:
    def __init__(self, key: bytes = MASTER_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("invalid AES key length")
        self._key = key

    def _cipher(self):
        return Cipher(algorithms.AES(self._key), modes.ECB())  # VULN

    def seal(self, plaintext: bytes) -> bytes:
        padder = padding.PKCS7(128).padder()
        data = padder.update(plaintext) + padder.finalize()
        enc = self._cipher().encryptor()
        return enc.update(data) + enc.finalize()

    def unseal(self, blob: bytes) -> bytes:
        dec = self._cipher().decryptor()
        data = dec.update(blob) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(data) + unpadder.finalize()


class SecretRepository:
    def __init__(self, db, cipher=None):
        self.db = db
        self.cipher = cipher or SecretCipher()

    def put(self, tenant_id: str, name: str, value: str) -> SealedSecret:
        version = self.db.next_version(tenant_id, name)
        blob = self.cipher.seal(value.encode("utf-8"))
        record = SealedSecret(
            tenant_id=tenant_id,
            name=name,
            version=version,
            ciphertext=base64.b64encode(blob).decode("ascii"),
            created_at=datetime.now(timezone.utc).isoformat(),
        )
        self.db.insert_version(record)
        log.info("stored secret %r/%r v%d", tenant_id, name, version)
        return record

    def get(self, tenant_id: str, name: str, version=None) -> str:
        record = self.db.fetch_version(tenant_id, name, version)
        if record is None:
            raise KeyError(f"{tenant_id}/{name}")
        blob = base64.b64decode(record.ciphertext)
        return self.cipher.unseal(blob).decode("utf-8")
