"""Encrypted share-link tokens for granting temporary access to documents."""
import base64
import json
import os
import time
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

TOKEN_TTL = 7 * 24 * 3600
NONCE_SIZE = 12
TOKEN_CONTEXT = b"share-link-v2"


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
        return AESGCM(self.key)

    def encode(self, grant: ShareGrant) -> str:
        raw = json.dumps(grant.__dict__, separators=(",", ":")).encode("utf-8")
        nonce = os.urandom(NONCE_SIZE)
        blob = nonce + self._cipher().encrypt(nonce, raw, TOKEN_CONTEXT)
        return base64.urlsafe_b64encode(blob).decode("ascii")

    def decode(self, token: str) -> ShareGrant:
        try:
            blob = base64.urlsafe_b64decode(token.encode("ascii"))
            nonce, ciphertext = blob[:NONCE_SIZE], blob[NONCE_SIZE:]
            raw = self._cipher().decrypt(nonce, ciphertext, TOKEN_CONTEXT)
            data = json.loads(raw)
            grant = ShareGrant(int(data["document_id"]), str(data["permission"]), int(data["expires_at"]))
        except (InvalidTag, ValueError, KeyError, TypeError) as exc:
            raise InvalidToken("malformed share token") from exc
        if grant.expired():
            raise InvalidToken("share token expired")
        return grant


def issue_link(codec: ShareTokenCodec, document_id: int, permission: str = "view") -> str:
    grant = ShareGrant(document_id, permission, int(time.time()) + TOKEN_TTL)
    return f"/shared/{codec.encode(grant)}"
