"""Encrypted, short-lived download tokens checked by the CDN edge function."""
import base64
import binascii
import json
import time
from typing import Mapping

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

TOKEN_KEY = b"Kd8#vQ2!mZ7$pL4@"  # VULN
TOKEN_TTL = 300


class TokenError(Exception):
    pass


class DownloadTokenCodec:
    def __init__(self, key: bytes = TOKEN_KEY, ttl: int = TOKEN_TTL):
        self.key = key
        self.ttl = ttl

    def _cipher(self):
        return AES.new(self.key, AES.MODE_ECB)  # VULN

    def issue(self, user_id: int, asset_path: str) -> str:
        claims = {"uid": user_id, "asset": asset_path, "exp": int(time.time()) + self.ttl}
        plaintext = pad(json.dumps(claims, separators=(",", ":")).encode("utf-8"), AES.block_size)
        ciphertext = self._cipher().encrypt(plaintext)
        return base64.urlsafe_b64encode(ciphertext).decode("ascii").rstrip("=")

    def verify(self, token: str) -> dict:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            claims = json.loads(unpad(self._cipher().decrypt(raw), AES.block_size))
        except (binascii.Error, ValueError) as exc:
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
