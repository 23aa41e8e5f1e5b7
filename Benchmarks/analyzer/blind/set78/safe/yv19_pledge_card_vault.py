"""Encrypts card numbers captured on paper pledge cards at events.

Volunteers key pledge cards into the tablet app; the card number is stored
encrypted until the finance team runs the batch through the processor.
"""
import base64
import logging
import os
import sqlite3

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("pledges.vault")

NONCE_BYTES = 12
TAG_BYTES = 16


class CardVault:
    def __init__(self, key: bytes):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 16, 24 or 32 bytes")
        self._key = key

    @classmethod
    def from_env(cls) -> "CardVault":
        return cls(base64.b64decode(os.environ["CARD_VAULT_KEY"]))

    def encrypt(self, pan: str) -> str:
        data = pan.encode("ascii")
        nonce = os.urandom(NONCE_BYTES)
        enc = Cipher(algorithms.AES(self._key), modes.GCM(nonce)).encryptor()
        body = enc.update(data) + enc.finalize()
        return base64.b64encode(nonce + body + enc.tag).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, body, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES:-TAG_BYTES], raw[-TAG_BYTES:]
        dec = Cipher(algorithms.AES(self._key), modes.GCM(nonce, tag)).decryptor()
        return (dec.update(body) + dec.finalize()).decode("ascii")


def luhn_ok(pan: str) -> bool:
    digits = [int(c) for c in pan if c.isdigit()]
    checksum = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        checksum += d
    return len(digits) >= 13 and checksum % 10 == 0


def store_pledge(conn: sqlite3.Connection, vault: CardVault, donor_id: int,
                 pan: str, expiry: str, amount_cents: int) -> int:
    pan = pan.replace(" ", "")
    if not pan.isdigit() or not luhn_ok(pan):
        raise ValueError("card number failed checksum")
    cur = conn.execute(
        "INSERT INTO pledge_cards (donor_id, pan_enc, last4, expiry, amount_cents) "
        "VALUES (?, ?, ?, ?, ?)",
        (donor_id, vault.encrypt(pan), pan[-4:], expiry, amount_cents),
    )
    conn.commit()
    log.info("stored pledge card for donor %d ending %s", donor_id, pan[-4:])
    return cur.lastrowid


def export_batch(conn: sqlite3.Connection, vault: CardVault):
    for row_id, pan_enc, expiry, amount in conn.execute(
        "SELECT id, pan_enc, expiry, amount_cents FROM pledge_cards WHERE processed = 0"
    ):
        yield row_id, vault.decrypt(pan_enc), expiry, amount
