"""Encrypts member card numbers (season pass + marina fuel account) before
they are written to the loyalty database."""
import base64
import logging
import os
from typing import Optional

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("loyalty.cards")

MEMBER_CARD_KEY = base64.b64decode(os.environ["MEMBER_CARD_KEY_B64"])
NONCE_LEN = 12
TAG_LEN = 16


class CardVault:
    """Symmetric encryption for PANs stored alongside the member profile."""

    def __init__(self, key: bytes = MEMBER_CARD_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 128/192/256 bits")
        self.key = key

    def _cipher(self, nonce: bytes, tag: Optional[bytes] = None) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag))

    def encrypt(self, pan: str) -> str:
        nonce = os.urandom(NONCE_LEN)
        enc = self._cipher(nonce).encryptor()
        ct = enc.update(pan.encode()) + enc.finalize()
        return base64.b64encode(nonce + ct + enc.tag).decode()

    def decrypt(self, token: str) -> str:
        blob = base64.b64decode(token)
        nonce, ct, tag = blob[:NONCE_LEN], blob[NONCE_LEN:-TAG_LEN], blob[-TAG_LEN:]
        dec = self._cipher(nonce, tag).decryptor()
        return (dec.update(ct) + dec.finalize()).decode()

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
