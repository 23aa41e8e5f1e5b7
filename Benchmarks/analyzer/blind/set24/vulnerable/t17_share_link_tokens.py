"""Encrypted share-link tokens for granting temporary access to documents."""
import base64
import json
import os
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

TOKEN_TTL = 7 * 24 * 3600


class InvalidToken(Exception):
    pass


@dataclass
class ShareGrant:
    document_id: int
    permission: str
    expires_at: int

    def expired(self) -> bool:
        return time.time() > self.expires_at


class ShareTokenCodec:
    def __init__(self, key: bytes):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 128, 192 or 256 bits")
        self.key = key

    @classmethod
    def from_env(cls) -> "ShareTokenCodec":
        return cls(base64.b64decode(os.environ["SHARE_TOKEN_KEY"]))

    def _cipher(self):
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encode(self, grant: ShareGrant) -> str:
        raw = json.dumps(grant.__dict__, separators=(",", ":")).encode("utf-8")
        padder = padding.PKCS7(128).padder()
        padded = padder.update(raw) + padder.finalize()
        encryptor = self._cipher().encryptor()
        blob = encryptor.update(padded) + encryptor.finalize()
        return base64.urlsafe_b64encode(blob).decode("ascii")

    def decode(self, token: str) -> ShareGrant:
        try:
            blob = base64.urlsafe_b64decode(token.encode("ascii"))
            decryptor = self._cipher().decryptor()
            padded = decryptor.update(blob) + decryptor.finalize()
            unpadder = padding.PKCS7(128).unpadder()
            data = json.loads(unpadder.update(padded) + unpadder.finalize())
            grant = ShareGrant(int(data["document_id"]), str(data["permission"]), int(data["expires_at"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise InvalidToken("malformed share token") from exc
        if grant.expired():
            raise InvalidToken("share token expired")
        return grant


def issue_link(codec: ShareTokenCodec, document_id: int, permission: str = "view") -> str:
    grant = ShareGrant(document_id, permission, int(time.time()) + TOKEN_TTL)
    return f"/shared/{codec.encode(grant)}"
