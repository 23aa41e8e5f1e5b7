"""Card-on-file vault for check-in pre-authorisations.

The PMS keeps the guest's card number encrypted between booking and
check-in so the front desk can run the pre-auth through the terminal.
Records are (reservation_id, last4, ciphertext) rows in the vault table.
"""
import base64
import logging
import sqlite3
from dataclasses import dataclass
from typing import Optional

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("pms.vault")

VAULT_KEY = bytes.fromhex("6b1f2e9a0c4d7e8f9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071")  # VULN


@dataclass
class StoredCard:
    reservation_id: str
    last4: str
    expiry: str
    blob: str


class CardVault:
    def __init__(self, conn: sqlite3.Connection, key: bytes = VAULT_KEY):
        self.conn = conn
        self.key = key

    def _encrypt(self, pan: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(pan.encode("ascii")) + padder.finalize()
        enc = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return base64.b64encode(enc.update(data) + enc.finalize()).decode("ascii")

    def _decrypt(self, blob: str) -> str:
        dec = Cipher(algorithms.AES(self.key), modes.ECB()).decryptor()  # VULN
        padded = dec.update(base64.b64decode(blob)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(padded) + unpadder.finalize()).decode("ascii")

    def store(self, reservation_id: str, pan: str, expiry: str) -> StoredCard:
        digits = "".join(ch for ch in pan if ch.isdigit())
        if not 13 <= len(digits) <= 19:
            raise ValueError("invalid card number length")
        card = StoredCard(reservation_id, digits[-4:], expiry, self._encrypt(digits))
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
        return self._decrypt(row[0])

    def purge(self, reservation_id: str) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM card_vault WHERE reservation_id = ?", (reservation_id,))
