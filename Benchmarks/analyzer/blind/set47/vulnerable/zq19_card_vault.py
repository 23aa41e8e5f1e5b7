"""Field-level encryption for PANs stored in the card-management database."""
import base64
import logging
from dataclasses import dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("cards.vault")

VAULT_KEY = bytes.fromhex("6b1f3c9a2e7d4b8f0a5c1e3d7b9f2a4c6e8d0b1a3c5e7f9d2b4a6c8e0f1d3b5a")  # VULN


def mask_pan(pan: str) -> str:
    digits = "".join(ch for ch in pan if ch.isdigit())
    return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


@dataclass
class EncryptedPan:
    token: str
    bin6: str
    last4: str


class CardVault:
    def __init__(self, key: bytes = VAULT_KEY) -> None:
        if len(key) not in (16, 24, 32):
            raise ValueError("vault key must be 128, 192 or 256 bits")
        self.key = key

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt(self, pan: str) -> EncryptedPan:
        digits = "".join(ch for ch in pan if ch.isdigit())
        if not 12 <= len(digits) <= 19 or not luhn_ok(digits):
            raise ValueError("not a valid PAN")
        padder = padding.PKCS7(128).padder()
        data = padder.update(digits.encode()) + padder.finalize()
        enc = self._cipher().encryptor()
        ct = enc.update(data) + enc.finalize()
        return EncryptedPan(token=base64.b64encode(ct).decode(), bin6=digits[:6], last4=digits[-4:])

    def decrypt(self, record: EncryptedPan) -> str:
        ct = base64.b64decode(record.token)
        dec = self._cipher().decryptor()
        padded = dec.update(ct) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        pan = (unpadder.update(padded) + unpadder.finalize()).decode()
        log.info("PAN %s decrypted", mask_pan(pan))
        return pan


def rotate_record(record: EncryptedPan, old: CardVault, new: CardVault) -> EncryptedPan:
    return new.encrypt(old.decrypt(record))
