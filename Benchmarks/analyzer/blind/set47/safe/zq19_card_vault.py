"""Field-level encryption for PANs stored in the card-management database."""
import base64
import logging
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("cards.vault")

NONCE_LEN = 12
TAG_LEN = 16


def load_vault_key() -> bytes:
    return bytes.fromhex(os.environ["CARD_VAULT_KEY_HEX"])


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
    def __init__(self, key: bytes = None) -> None:
        key = key if key is not None else load_vault_key()
        if len(key) not in (16, 24, 32):
            raise ValueError("vault key must be 128, 192 or 256 bits")
        self.key = key

    def _cipher(self, nonce: bytes, tag: bytes = None) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag))

    def encrypt(self, pan: str) -> EncryptedPan:
        digits = "".join(ch for ch in pan if ch.isdigit())
        if not 12 <= len(digits) <= 19 or not luhn_ok(digits):
            raise ValueError("not a valid PAN")
        nonce = os.urandom(NONCE_LEN)
        enc = self._cipher(nonce).encryptor()
        ct = enc.update(digits.encode()) + enc.finalize()
        blob = nonce + enc.tag + ct
        return EncryptedPan(token=base64.b64encode(blob).decode(), bin6=digits[:6], last4=digits[-4:])

    def decrypt(self, record: EncryptedPan) -> str:
        blob = base64.b64decode(record.token)
        nonce, tag, ct = blob[:NONCE_LEN], blob[NONCE_LEN:NONCE_LEN + TAG_LEN], blob[NONCE_LEN + TAG_LEN:]
        dec = self._cipher(nonce, tag).decryptor()
        pan = (dec.update(ct) + dec.finalize()).decode()
        log.info("PAN %s decrypted", mask_pan(pan))
        return pan


def rotate_record(record: EncryptedPan, old: CardVault, new: CardVault) -> EncryptedPan:
    return new.encrypt(old.decrypt(record))
