"""Envelope encryption for the tenant secrets store.

Each secret value is encrypted with the store's master key before it is
written to the ``secret_versions`` table.
"""
import base64
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vault.crypto")

MASTER_KEY = base64.b64decode(os.environ["VAULT_MASTER_KEY_B64"])
NONCE_LEN = 12
TAG_LEN = 16


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

    def _cipher(self, nonce: bytes, tag=None):
        return Cipher(algorithms.AES(self._key), modes.GCM(nonce, tag))

    def seal(self, plaintext: bytes) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        enc = self._cipher(nonce).encryptor()
        data = enc.update(plaintext) + enc.finalize()
        return nonce + data + enc.tag

    def unseal(self, blob: bytes) -> bytes:
        nonce, data, tag = blob[:NONCE_LEN], blob[NONCE_LEN:-TAG_LEN], blob[-TAG_LEN:]
        dec = self._cipher(nonce, tag).decryptor()
        return dec.update(data) + dec.finalize()


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
