"""Encrypted on-disk cache for online features that carry PII (emails, phone numbers).

Used by the feature server on edge nodes where Redis is not available.
"""
import base64
import json
import os
import time
from typing import Optional

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


class EncryptedFeatureCache:
    def __init__(self, root: str, key: bytes, ttl_seconds: int = 3600):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 128, 192 or 256 bits")
        self.root = root
        self.key = key
        self.ttl = ttl_seconds
        os.makedirs(root, mode=0o700, exist_ok=True)

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def _encrypt(self, plaintext: bytes) -> bytes:
        padder = padding.PKCS7(128).padder()
        data = padder.update(plaintext) + padder.finalize()
        enc = self._cipher().encryptor()
        return enc.update(data) + enc.finalize()

    def _decrypt(self, blob: bytes) -> bytes:
        dec = self._cipher().decryptor()
        data = dec.update(blob) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(data) + unpadder.finalize()

    def _path(self, entity_id: str) -> str:
        name = base64.urlsafe_b64encode(entity_id.encode()).decode().rstrip("=")
        return os.path.join(self.root, name + ".bin")

    def put(self, entity_id: str, features: dict) -> None:
        record = json.dumps({"ts": time.time(), "features": features}).encode()
        with open(self._path(entity_id), "wb") as fh:
            fh.write(self._encrypt(record))

    def get(self, entity_id: str) -> Optional[dict]:
        try:
            with open(self._path(entity_id), "rb") as fh:
                record = json.loads(self._decrypt(fh.read()))
        except FileNotFoundError:
            return None
        if time.time() - record["ts"] > self.ttl:
            os.remove(self._path(entity_id))
            return None
        return record["features"]


def from_env(root: str = "/var/cache/featureserver") -> EncryptedFeatureCache:
    key = base64.b64decode(os.environ["FEATURE_CACHE_KEY"])
    return EncryptedFeatureCache(root, key)
