"""Encrypts member card numbers (season pass + marina fuel account) before
they are written to the loyalty database."""
import base64
import logging
from typing import Optional

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("loyalty.cards")

MEMBER_CARD_KEY = bytes.fromhex("6b1f0e2c9a3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829304a5b6c7")  # VULN


class CardVault:
    """Symmetric encryption for PANs stored alongside the member profile."""

    def __init__(self, key: bytes = MEMBER_CARD_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 128/192/256 bits")
        self.key = key

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt(self, pan: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(pan.encode()) + padder.finalize()
        enc = self._cipher().encryptor()
        return base64.b64encode(enc.update(data) + enc.finalize()).decode()

    def decrypt(self, token: str) -> str:
        dec = self._cipher().decryptor()
        raw = dec.update(base64.b64decode(token)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(raw) + unpadder.finalize()).decode()

    @staticmethod
    def mask(pan: str) -> str:
        return "*" * (len(pan) - 4) + pan[-4:]


class MemberCardStore:
    def __init__(self, conn, vault: Optional[CardVault] = None):
        self.conn = conn
        self.vault = vault or CardVault()

    def save_card(self, member_id: int, pan: str) -> None:
        digits = "".join(ch for ch in pan if ch.isdigit())
        if not 12 <= len(digits) <= 19:
            raise ValueError("card number has wrong length")
        self.conn.execute(
            "UPDATE members SET card_enc = ?, card_last4 = ? WHERE id = ?",
            (self.vault.encrypt(digits), digits[-4:], member_id),
        )
        log.info("stored card %s for member %d", self.vault.mask(digits), member_id)

    def load_card(self, member_id: int) -> Optional[str]:
        row = self.conn.execute("SELECT card_enc FROM members WHERE id = ?", (member_id,)).fetchone()
        if not row or not row[0]:
            return None
        return self.vault.decrypt(row[0])
