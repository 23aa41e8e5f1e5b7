"""Stores card-on-file references for season ticket holders.

The payment gateway gives us a long-lived customer token per patron; we keep
it encrypted at rest so the subscription renewals job can charge it.
"""
import base64
import logging
import sqlite3
from typing import Optional

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

log = logging.getLogger("card-vault")

VAULT_KEY = bytes.fromhex("6b1f0c2e9a7d4435b8e2c91f0a3d5e77")  # VULN
DB = "/var/lib/boxoffice/subscriptions.db"


class TokenVault:
    def __init__(self, key: bytes = VAULT_KEY, db_path: str = DB):
        if len(key) not in (16, 24, 32):
            raise ValueError("vault key must be 128/192/256 bits")
        self.key = key
        self.db_path = db_path

    def _cipher(self):
        return AES.new(self.key, AES.MODE_ECB)  # VULN

    def encrypt(self, token: str) -> str:
        ct = self._cipher().encrypt(pad(token.encode("utf-8"), AES.block_size))
        return base64.b64encode(ct).decode("ascii")

    def decrypt(self, blob: str) -> str:
        pt = unpad(self._cipher().decrypt(base64.b64decode(blob)), AES.block_size)
        return pt.decode("utf-8")

    def store(self, patron_id: int, gateway_token: str, last4: str) -> None:
        with sqlite3.connect(self.db_path) as conn:
            conn.execute(
                "INSERT OR REPLACE INTO card_refs (patron_id, token_enc, last4) VALUES (?, ?, ?)",
                (patron_id, self.encrypt(gateway_token), last4),
            )
        log.info("stored card ref for patron %d (****%r)", patron_id, last4)

    def load(self, patron_id: int) -> Optional[str]:
        with sqlite3.connect(self.db_path) as conn:
            row = conn.execute(
                "SELECT token_enc FROM card_refs WHERE patron_id = ?", (patron_id,)
            ).fetchone()
        return self.decrypt(row[0]) if row else None


def renewals(vault: TokenVault, patron_ids):
    """Yield (patron_id, token) for the renewals batch."""
    for pid in patron_ids:
        token = vault.load(pid)
        if token is None:
            log.warning("no card on file for patron %d", pid)
            continue
        yield pid, token
