"""Encrypts third-party integration tokens (Slack, GitHub, Jira) before they
are written to the ``integrations`` table, and decrypts them for workers.
"""
import base64
import json
import logging
import os
from dataclasses import dataclass
from typing import Dict, Optional

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vault")

VAULT_KEY = bytes.fromhex(os.environ["TOKEN_VAULT_KEY_HEX"])
KEY_VERSION = 1
NONCE_BYTES = 12


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

    def _cipher(self, nonce: bytes, tag: Optional[bytes] = None) -> Cipher:
        return Cipher(algorithms.AES(self._key), modes.GCM(nonce, tag))

    def seal(self, token: str) -> SealedToken:
        nonce = os.urandom(NONCE_BYTES)
        enc = self._cipher(nonce).encryptor()
        ct = enc.update(token.encode()) + enc.finalize()
        blob = nonce + enc.tag + ct
        return SealedToken(KEY_VERSION, base64.b64encode(blob).decode())

    def open(self, sealed: SealedToken) -> str:
        if sealed.version != KEY_VERSION:
            raise ValueError(f"unknown key version {sealed.version}")
        blob = base64.b64decode(sealed.ciphertext)
        nonce, tag, ct = blob[:NONCE_BYTES], blob[NONCE_BYTES:NONCE_BYTES + 16], blob[NONCE_BYTES + 16:]
        dec = self._cipher(nonce, tag).decryptor()
        return (dec.update(ct) + dec.finalize()).decode()


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
