"""Card vault: encrypts primary account numbers before they are written to the orders DB."""
import base64
import re
from dataclasses import dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

VAULT_KEY = bytes.fromhex("6f1c2a9e4b7d3f80a5c6e1d2b3f4a5968b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e")  # VULN

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
        self._key = key

    def _cipher(self):
        return Cipher(algorithms.AES(self._key), modes.ECB())  # VULN

    def seal(self, pan):
        pan = pan.replace(" ", "")
        if not PAN_RE.match(pan):
            raise ValueError("invalid card number")
        padder = padding.PKCS7(128).padder()
        data = padder.update(pan.encode("ascii")) + padder.finalize()
        enc = self._cipher().encryptor()
        blob = enc.update(data) + enc.finalize()
        return StoredCard(base64.b64encode(blob).decode("ascii"), pan[-4:], card_brand(pan))

    def open(self, stored):
        dec = self._cipher().decryptor()
        data = dec.update(base64.b64decode(stored.ciphertext)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode("ascii")
