"""Card-on-file vault for check-in pre-authorisations.

The PMS keeps the guest's card number encrypted between booking and
check-in so the front desk can run the pre-auth through the terminal.
Records are (reservation_id, last4, ciphertext) rows in the vault table.
"""
import base64
import logging
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("pms.vault")

NONCE_LEN = 12
TAG_LEN = 16


def _load_key() -> bytes:
    key = base64.b64decode(os.environ["CARD_VAULT_KEY"])
    if len(key) != 32:
        raise RuntimeError("CARD_VAULT_KEY must be 32 bytes, base64 encoded")
    return key


@dataclass
class StoredCard:
    reservation_id: str
    last4: str
    expiry: str
    blob: str


class CardVault:
    def __init__(self, conn: sqlite3.Connection, key: Optional[bytes] = None):
        self.conn = conn
        self.key = key or _load_key()

    def _encrypt(self, pan: str, aad: bytes) -> str:
        nonce = os.urandom(NONCE_LEN)
        enc = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        enc.authenticate_additional_data(aad)
        ct = enc.update(pan.encode("ascii")) + enc.finalize()
        return base64.b64encode(nonce + enc.tag + ct).decode("ascii")

    def _decrypt(self, blob: str, aad: bytes) -> str:
        raw = base64.b64decode(blob)
        nonce, tag, ct = raw[:NONCE_LEN], raw[NONCE_LEN:NONCE_LEN + TAG_LEN], raw[NONCE_LEN + TAG_LEN:]
        dec = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        dec.authenticate_additional_data(aad)
        return (dec.update(ct) + dec.finalize()).decode("ascii")

    def store(self, reservation_id: str, pan: str, expiry: str) -> StoredCard:
        digits = "".join(ch for ch in pan if ch.isdigit())
        if not 13 <= len(digits) <= 19:
            raise ValueError("invalid card number length")
        card = StoredCard(reservation_id, digits[-4:], expiry, self._encrypt(digits, reservation_id.encode()))
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO card_vault (reservation_id, last4, expiry, blob) VALUES (?, ?, ?, ?)",
                (card.reservation_id, card.last4, card.expiry, card.blob),
            )
        log.info("stored card ending %s for reservation %s", card.last4, reservation_id)
        return card

    def reveal_for_preauth(self, reservation_id: str) -> Optional[str]:
        row = self.conn.execute(
            "SELECT blob FROM card_vault WHERE reservation_id = ?", (reservation_id,)
        ).fetchone()
        if row is None:
            return None
        return self._decrypt(row[0], reservation_id.encode())

    def purge(self, reservation_id: str) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM card_vault WHERE reservation_id = ?", (reservation_id,))
