"""Encrypted, short-lived download tokens checked by the CDN edge function."""
import base64
import binascii
import json
import os
import time
from typing import Mapping

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

TOKEN_KEY = base64.b64decode(os.environ.get("DOWNLOAD_TOKEN_KEY", ""))
TOKEN_TTL = 300
NONCE_SIZE = 12


class TokenError(Exception):
    pass


class DownloadTokenCodec:
    def __init__(self, key: bytes = TOKEN_KEY, ttl: int = TOKEN_TTL):
        if len(key) != 32:
            raise TokenError("DOWNLOAD_TOKEN_KEY must be 32 random bytes, base64 encoded")
        self.key = key
        self.ttl = ttl

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def issue(self, user_id: int, asset_path: str) -> str:
        claims = {"uid": user_id, "asset": asset_path, "exp": int(time.time()) + self.ttl}
        nonce = os.urandom(NONCE_SIZE)
        ciphertext = self._cipher().encrypt(nonce, json.dumps(claims, separators=(",", ":")).encode("utf-8"), None)
        return base64.urlsafe_b64encode(nonce + ciphertext).decode("ascii").rstrip("=")

    def verify(self, token: str) -> dict:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            nonce, ciphertext = raw[:NONCE_SIZE], raw[NONCE_SIZE:]
            claims = json.loads(self._cipher().decrypt(nonce, ciphertext, None))
        except (binascii.Error, ValueError, InvalidTag) as exc:
            raise TokenError("malformed token") from exc
        if not isinstance(claims, dict) or claims.get("exp", 0) < time.time():
            raise TokenError("token expired")
        return claims


codec = DownloadTokenCodec()


def edge_authorize(path: str, query: Mapping[str, str]) -> dict:
    """Return a CloudFront-style response dict allowing or denying the request."""
    token = query.get("t", "")
    try:
        claims = codec.verify(token)
    except TokenError:
        return {"status": "403", "statusDescription": "Forbidden"}
    if claims.get("asset") != path:
        return {"status": "403", "statusDescription": "Forbidden"}
    return {"status": "200", "headers": {"x-download-user": [{"value": str(claims["uid"])}]}}
