"""Encrypts the card-on-file tokens for unlimited wash club members.

The membership billing job stores the PAN-equivalent token returned by the
processor so monthly renewals can be charged without the customer present.
"""
import base64
import logging
import os
import sqlite3
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("card_vault")

VAULT_KEY = bytes.fromhex(os.environ["CARD_VAULT_KEY_HEX"])


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

    def _cipher(self, nonce: bytes, tag: bytes = None):
        return Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag))

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(12)
        enc = self._cipher(nonce).encryptor()
        ct = enc.update(plaintext.encode()) + enc.finalize()
        return base64.b64encode(nonce + enc.tag + ct).decode()

    def decrypt(self, ciphertext: str) -> str:
        raw = base64.b64decode(ciphertext)
        nonce, tag, ct = raw[:12], raw[12:28], raw[28:]
        dec = self._cipher(nonce, tag).decryptor()
        return (dec.update(ct) + dec.finalize()).decode()

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
