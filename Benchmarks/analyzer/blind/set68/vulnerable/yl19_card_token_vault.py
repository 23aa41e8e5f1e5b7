"""Card tokenisation for the loyalty "link your card" feature.

The POS sends the PAN once; we keep an encrypted copy and hand back an
opaque token that downstream systems use for matching purchases.
"""
import hashlib
import logging
from typing import Dict

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vault")

VAULT_KEY = bytes.fromhex("8f1c2e3d4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0")  # VULN


class CardVault:
    def __init__(self, key: bytes = VAULT_KEY) -> None:
        self._key = key
        self._store: Dict[str, bytes] = {}

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self._key), modes.ECB())  # VULN

    @staticmethod
    def _normalise(pan: str) -> str:
        digits = "".join(ch for ch in pan if ch.isdigit())
        if not 12 <= len(digits) <= 19:
            raise ValueError("not a card number")
        return digits

    def _encrypt(self, plaintext: bytes) -> bytes:
        padder = padding.PKCS7(128).padder()
        data = padder.update(plaintext) + padder.finalize()
        enc = self._cipher().encryptor()
        return enc.update(data) + enc.finalize()

    def _decrypt(self, blob: bytes) -> bytes:
        dec = self._cipher().decryptor()
        data = dec.update(blob) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(data) + unpadder.finalize()

    def tokenize(self, pan: str) -> str:
        digits = self._normalise(pan)
        blob = self._encrypt(digits.encode("ascii"))
        token = "tok_" + hashlib.sha256(blob).hexdigest()[:24]
        self._store[token] = blob
        log.info("tokenised card ending %s", digits[-4:])
        return token

    def detokenize(self, token: str) -> str:
        blob = self._store.get(token)
        if blob is None:
            raise KeyError("unknown token")
        return self._decrypt(blob).decode("ascii")

    def last4(self, token: str) -> str:
        return self.detokenize(token)[-4:]


if __name__ == "__main__":
    vault = CardVault()
    t = vault.tokenize("4111 1111 1111 1111")
    print(t, vault.last4(t))
