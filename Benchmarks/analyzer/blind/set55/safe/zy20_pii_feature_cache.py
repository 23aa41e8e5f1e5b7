"""Encrypted on-disk cache for online features that carry PII (emails, phone numbers).

Used by the feature server on edge nodes where Redis is not available.
"""
import base64
import json
import os
import time
from typing import Optional

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12


class EncryptedFeatureCache:
    def __init__(self, root: str, key: bytes, ttl_seconds: int = 3600):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 128, 192 or 256 bits")
        self.root = root
        self.key = key
        self.ttl = ttl_seconds
        os.makedirs(root, mode=0o700, exist_ok=True)

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def _encrypt(self, plaintext: bytes, entity_id: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._cipher().encrypt(nonce, plaintext, entity_id.encode())

    def _decrypt(self, blob: bytes, entity_id: str) -> bytes:
        nonce, data = blob[:NONCE_BYTES], blob[NONCE_BYTES:]
        return self._cipher().decrypt(nonce, data, entity_id.encode())

    def _path(self, entity_id: str) -> str:
        name = base64.urlsafe_b64encode(entity_id.encode()).decode().rstrip("=")
        return os.path.join(self.root, name + ".bin")

    def put(self, entity_id: str, features: dict) -> None:
        record = json.dumps({"ts": time.time(), "features": features}).encode()
        with open(self._path(entity_id), "wb") as fh:
            fh.write(self._encrypt(record, entity_id))

    def get(self, entity_id: str) -> Optional[dict]:
        try:
            with open(self._path(entity_id), "rb") as fh:
                record = json.loads(self._decrypt(fh.read(), entity_id))
        except FileNotFoundError:
            return None
        if time.time() - record["ts"] > self.ttl:
            os.remove(self._path(entity_id))
            return None
        return record["features"]


def from_env(root: str = "/var/cache/featureserver") -> EncryptedFeatureCache:
    key = base64.b64decode(os.environ["FEATURE_CACHE_KEY"])
    return EncryptedFeatureCache(root, key)
