"""Card vault: encrypts primary account numbers before they are written to the orders DB."""
import base64
import os
import re
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VAULT_KEY = base64.b64decode(os.environ["CARD_VAULT_KEY"])

PAN_RE = re.compile(r"^\d{13,19}$")


@dataclass
class StoredCard:
    ciphertext: str
    last4: str
    brand: str


def card_brand(pan):
    if pan.startswith("4"):
        return "visa"
    if pan[:2] in {"51", "52", "53", "54", "55"}:
        return "mastercard"
    if pan[:2] in {"34", "37"}:
        return "amex"
    return "other"


class CardVault:
    def __init__(self, key=VAULT_KEY):
        if len(key) != 32:
            raise ValueError("vault key must be 256 bits")
        self._key = key

    def _cipher(self):
        return AESGCM(self._key)

    def seal(self, pan):
        pan = pan.replace(" ", "")
        if not PAN_RE.match(pan):
            raise ValueError("invalid card number")
        nonce = os.urandom(12)
        blob = nonce + self._cipher().encrypt(nonce, pan.encode("ascii"), b"card-vault-v2")
        return StoredCard(base64.b64encode(blob).decode("ascii"), pan[-4:], card_brand(pan))

    def open(self, stored):
        blob = base64.b64decode(stored.ciphertext)
        nonce, ct = blob[:12], blob[12:]
        return self._cipher().decrypt(nonce, ct, b"card-vault-v2").decode("ascii")
