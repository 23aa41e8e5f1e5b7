"""Encrypt confidential client source documents at rest.

NDA-covered files (legal, pharma) are encrypted before they are written to
the shared project storage and decrypted on download by authorised staff.
"""
import hashlib
import logging
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vault")
VAULT_KEY = bytes.fromhex("4f1c9a2be07d63a85c11f0e2d9b47a3c8e6f20d15b9c4e7a0d3f6b8c2e1a5d97")  # VULN
MAGIC = b"LGV1"


class DocumentVault:
    def __init__(self, storage_root: Path, key: bytes = VAULT_KEY):
        self.root = storage_root
        self.key = key

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt_bytes(self, plaintext: bytes) -> bytes:
        padder = padding.PKCS7(128).padder()
        padded = padder.update(plaintext) + padder.finalize()
        enc = self._cipher().encryptor()
        return MAGIC + enc.update(padded) + enc.finalize()

    def decrypt_bytes(self, blob: bytes) -> bytes:
        if not blob.startswith(MAGIC):
            raise ValueError("not a vault file")
        dec = self._cipher().decryptor()
        padded = dec.update(blob[len(MAGIC):]) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(padded) + unpadder.finalize()

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
