"""Encrypt confidential client source documents at rest.

NDA-covered files (legal, pharma) are encrypted before they are written to
the shared project storage and decrypted on download by authorised staff.
"""
import base64
import hashlib
import logging
import os
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("vault")
VAULT_KEY = base64.b64decode(os.environ["DOC_VAULT_KEY"])
MAGIC = b"LGV2"
NONCE_LEN = 12


class DocumentVault:
    def __init__(self, storage_root: Path, key: bytes = VAULT_KEY):
        if len(key) != 32:
            raise ValueError("vault key must be 256 bits")
        self.root = storage_root
        self.key = key

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def encrypt_bytes(self, plaintext: bytes) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        return MAGIC + nonce + self._cipher().encrypt(nonce, plaintext, MAGIC)

    def decrypt_bytes(self, blob: bytes) -> bytes:
        if not blob.startswith(MAGIC):
            raise ValueError("not a vault file")
        nonce = blob[len(MAGIC):len(MAGIC) + NONCE_LEN]
        return self._cipher().decrypt(nonce, blob[len(MAGIC) + NONCE_LEN:], MAGIC)

    def store(self, project_code: str, name: str, data: bytes) -> Path:
        folder = self.root / project_code
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / (name + ".lgv")
        target.write_bytes(self.encrypt_bytes(data))
        log.info("stored %s/%s (%d bytes, sha256=%s)", project_code, name, len(data),
                 hashlib.sha256(data).hexdigest()[:12])
        return target

    def load(self, project_code: str, name: str) -> bytes:
        return self.decrypt_bytes((self.root / project_code / (name + ".lgv")).read_bytes())


if __name__ == "__main__":
    import sys

    vault = DocumentVault(Path("/srv/projects/vault"))
    for arg in sys.argv[2:]:
        p = Path(arg)
        vault.store(sys.argv[1], p.name, p.read_bytes())
