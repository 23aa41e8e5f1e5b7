"""Card tokenisation for the loyalty "link your card" feature.

The POS sends the PAN once; we keep an encrypted copy and hand back an
opaque token that downstream systems use for matching purchases.
"""
import logging
import os
import secrets
from typing import Dict

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("vault")

VAULT_KEY = bytes.fromhex(os.environ["CARD_VAULT_KEY_HEX"])
NONCE_LEN = 12


class CardVault:
    def __init__(self, key: bytes = VAULT_KEY) -> None:
        self._key = key
        self._store: Dict[str, bytes] = {}

    def _cipher(self) -> AESGCM:
        return AESGCM(self._key)

    @staticmethod
    def _normalise(pan: str) -> str:
        digits = "".join(ch for ch in pan if ch.isdigit())
        if not 12 <= len(digits) <= 19:
            raise ValueError("not a card number")
        return digits

    def _encrypt(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        return nonce + self._cipher().encrypt(nonce, plaintext, aad)

    def _decrypt(self, blob: bytes, aad: bytes) -> bytes:
        nonce, ciphertext = blob[:NONCE_LEN], blob[NONCE_LEN:]
        return self._cipher().decrypt(nonce, ciphertext, aad)

    def tokenize(self, pan: str) -> str:
        digits = self._normalise(pan)
        token = "tok_" + secrets.token_hex(12)
        blob = self._encrypt(digits.encode("ascii"), token.encode("ascii"))
        self._store[token] = blob
        log.info("tokenised card ending %s", digits[-4:])
        return token

    def detokenize(self, token: str) -> str:
        blob = self._store.get(token)
        if blob is None:
            raise KeyError("unknown token")
        return self._decrypt(blob, token.encode("ascii")).decode("ascii")

    def last4(self, token: str) -> str:
        return self.detokenize(token)[-4:]


if __name__ == "__main__":
    vault = CardVault()
    t = vault.tokenize("4111 1111 1111 1111")
    print(t, vault.last4(t))
