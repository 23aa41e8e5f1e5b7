"""Encrypted storage of scanned identity documents for the KYC service."""
import base64
import json
import logging
import os
from dataclasses import dataclass
from typing import Optional

from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes

logger = logging.getLogger("kyc.vault")

VAULT_KEY = bytes.fromhex(os.environ["KYC_VAULT_KEY_HEX"])
NONCE_LEN = 12
TAG_LEN = 16


@dataclass
class StoredDocument:
    customer_id: int
    kind: str
    blob: bytes
    metadata: str


class DocumentCipher:
    def __init__(self, key: bytes = VAULT_KEY):
        if len(key) != 32:
            raise ValueError("vault key must be 256 bits")
        self.key = key

    def encrypt_blob(self, data: bytes, aad: bytes = b"blob") -> bytes:
        nonce = get_random_bytes(NONCE_LEN)
        cipher = AES.new(self.key, AES.MODE_GCM, nonce=nonce)
        cipher.update(aad)
        ciphertext, tag = cipher.encrypt_and_digest(data)
        return nonce + tag + ciphertext

    def decrypt_blob(self, data: bytes, aad: bytes = b"blob") -> bytes:
        nonce, tag, ciphertext = data[:NONCE_LEN], data[NONCE_LEN:NONCE_LEN + TAG_LEN], data[NONCE_LEN + TAG_LEN:]
        cipher = AES.new(self.key, AES.MODE_GCM, nonce=nonce)
        cipher.update(aad)
        return cipher.decrypt_and_verify(ciphertext, tag)

    def encrypt_metadata(self, meta: dict) -> str:
        raw = json.dumps(meta, sort_keys=True).encode()
        return base64.b64encode(self.encrypt_blob(raw, aad=b"metadata")).decode()

    def decrypt_metadata(self, token: str) -> dict:
        return json.loads(self.decrypt_blob(base64.b64decode(token), aad=b"metadata"))


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
