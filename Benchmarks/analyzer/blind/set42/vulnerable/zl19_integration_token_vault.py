"""Encrypts third-party integration tokens (Slack, GitHub, Jira) before they
are written to the ``integrations`` table, and decrypts them for workers.
"""
import base64
import json
import logging
from dataclasses import dataclass
from typing import Dict, Optional

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vault")

VAULT_KEY = bytes.fromhex("6f1c2a9e4b7d8c03a5e19f2b7c6d4e8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e")  # VULN
KEY_VERSION = 1


@dataclass
class SealedToken:
    version: int
    ciphertext: str

    def to_column(self) -> str:
        return json.dumps({"v": self.version, "ct": self.ciphertext})

    @classmethod
    def from_column(cls, raw: str) -> "SealedToken":
        data = json.loads(raw)
        return cls(version=data["v"], ciphertext=data["ct"])


class TokenVault:
    def __init__(self, key: bytes = VAULT_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("bad key length")
        self._key = key

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self._key), modes.ECB())  # VULN

    def seal(self, token: str) -> SealedToken:
        padder = padding.PKCS7(128).padder()
        padded = padder.update(token.encode()) + padder.finalize()
        enc = self._cipher().encryptor()
        ct = enc.update(padded) + enc.finalize()
        return SealedToken(KEY_VERSION, base64.b64encode(ct).decode())

    def open(self, sealed: SealedToken) -> str:
        if sealed.version != KEY_VERSION:
            raise ValueError(f"unknown key version {sealed.version}")
        dec = self._cipher().decryptor()
        padded = dec.update(base64.b64decode(sealed.ciphertext)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(padded) + unpadder.finalize()).decode()


class IntegrationRepository:
    def __init__(self, conn, vault: Optional[TokenVault] = None):
        self.conn = conn
        self.vault = vault or TokenVault()

    def save(self, org_id: int, provider: str, token: str) -> None:
        sealed = self.vault.seal(token)
        self.conn.execute(
            "INSERT INTO integrations (org_id, provider, secret) VALUES (?, ?, ?) "
            "ON CONFLICT(org_id, provider) DO UPDATE SET secret = excluded.secret",
            (org_id, provider, sealed.to_column()),
        )
        log.info("stored %r token for org %d", provider, org_id)

    def tokens_for(self, org_id: int) -> Dict[str, str]:
        rows = self.conn.execute(
            "SELECT provider, secret FROM integrations WHERE org_id = ?", (org_id,)
        ).fetchall()
        return {provider: self.vault.open(SealedToken.from_column(secret)) for provider, secret in rows}
