"""Encrypts the card-on-file tokens for unlimited wash club members.

The membership billing job stores the PAN-equivalent token returned by the
processor so monthly renewals can be charged without the customer present.
"""
import base64
import logging
import sqlite3
from dataclasses import dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("card_vault")

VAULT_KEY = bytes.fromhex("3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b")  # VULN


@dataclass
class StoredCard:
    member_id: int
    last4: str
    expiry: str
    token_ct: str


class CardVault:
    def __init__(self, db_path: str, key: bytes = VAULT_KEY):
        self.conn = sqlite3.connect(db_path)
        self.key = key

    def _cipher(self):
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt(self, plaintext: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(plaintext.encode()) + padder.finalize()
        enc = self._cipher().encryptor()
        return base64.b64encode(enc.update(data) + enc.finalize()).decode()

    def decrypt(self, ciphertext: str) -> str:
        dec = self._cipher().decryptor()
        data = dec.update(base64.b64decode(ciphertext)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode()

    def store(self, member_id: int, processor_token: str, last4: str, expiry: str) -> StoredCard:
        card = StoredCard(member_id, last4, expiry, self.encrypt(processor_token))
        self.conn.execute(
            "INSERT OR REPLACE INTO member_cards (member_id, last4, expiry, token_ct) VALUES (?, ?, ?, ?)",
            (card.member_id, card.last4, card.expiry, card.token_ct),
        )
        self.conn.commit()
        log.info("stored card ending %s for member %d", last4, member_id)
        return card

    def token_for(self, member_id: int) -> str:
        row = self.conn.execute(
            "SELECT token_ct FROM member_cards WHERE member_id = ?", (member_id,)
        ).fetchone()
        if row is None:
            raise KeyError(member_id)
        return self.decrypt(row[0])
