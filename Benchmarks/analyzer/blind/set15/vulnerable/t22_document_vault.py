"""Encrypted storage of scanned identity documents for the KYC service."""
import base64
import json
import logging
from dataclasses import dataclass
from typing import Optional

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

logger = logging.getLogger("kyc.vault")

VAULT_KEY = bytes.fromhex("6f1d2c9a8b7e4f3a0c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b")  # VULN
METADATA_IV = b"kyc-metadata-iv!"


@dataclass
class StoredDocument:
    customer_id: int
    kind: str
    blob: bytes
    metadata: str


class DocumentCipher:
    def __init__(self, key: bytes = VAULT_KEY):
        self.key = key

    def _blob_cipher(self):
        return AES.new(self.key, AES.MODE_ECB)  # VULN

    def _metadata_cipher(self):
        return AES.new(self.key, AES.MODE_CBC, iv=METADATA_IV)  # VULN

    def encrypt_blob(self, data: bytes) -> bytes:
        return self._blob_cipher().encrypt(pad(data, AES.block_size))

    def decrypt_blob(self, data: bytes) -> bytes:
        return unpad(self._blob_cipher().decrypt(data), AES.block_size)

    def encrypt_metadata(self, meta: dict) -> str:
        raw = json.dumps(meta, sort_keys=True).encode()
        return base64.b64encode(self._metadata_cipher().encrypt(pad(raw, AES.block_size))).decode()

    def decrypt_metadata(self, token: str) -> dict:
        return json.loads(unpad(self._metadata_cipher().decrypt(base64.b64decode(token)), AES.block_size))


class DocumentVault:
    def __init__(self, repo, cipher: Optional[DocumentCipher] = None):
        self.repo = repo
        self.cipher = cipher or DocumentCipher()

    def put(self, customer_id: int, kind: str, content: bytes, meta: dict) -> int:
        doc = StoredDocument(
            customer_id=customer_id,
            kind=kind,
            blob=self.cipher.encrypt_blob(content),
            metadata=self.cipher.encrypt_metadata(meta),
        )
        doc_id = self.repo.insert(doc)
        logger.info("stored %s document %d for customer %d", kind, doc_id, customer_id)
        return doc_id

    def get(self, doc_id: int) -> tuple:
        doc = self.repo.fetch(doc_id)
        if doc is None:
            raise KeyError(doc_id)
        return self.cipher.decrypt_blob(doc.blob), self.cipher.decrypt_metadata(doc.metadata)
