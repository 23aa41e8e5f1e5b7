"""Field-level encryption for personally identifiable columns."""
import base64
import binascii
import os
from dataclasses import dataclass, replace

from Crypto.Cipher import AES

KEY_ENV = "PII_FIELD_KEY"
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16


class FieldCipherError(ValueError):
    pass


class FieldCipher:
    def __init__(self, key: bytes):
        if len(key) != KEY_BYTES:
            raise FieldCipherError(f"key must be {KEY_BYTES} bytes")
        self._key = key

    @classmethod
    def from_env(cls) -> "FieldCipher":
        try:
            return cls(base64.b64decode(os.environ[KEY_ENV], validate=True))
        except (KeyError, binascii.Error) as exc:
            raise FieldCipherError(f"{KEY_ENV} is missing or malformed") from exc

    def _cipher(self, nonce: bytes):
        return AES.new(self._key, AES.MODE_GCM, nonce=nonce, mac_len=TAG_BYTES)

    def encrypt(self, value: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        ciphertext, tag = self._cipher(nonce).encrypt_and_digest(value.encode("utf-8"))
        return base64.b64encode(nonce + tag + ciphertext).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            raw = base64.b64decode(token, validate=True)
            nonce, tag, ciphertext = raw[:NONCE_BYTES], raw[NONCE_BYTES:NONCE_BYTES + TAG_BYTES], raw[NONCE_BYTES + TAG_BYTES:]
            return self._cipher(nonce).decrypt_and_verify(ciphertext, tag).decode("utf-8")
        except (binascii.Error, ValueError) as exc:
            raise FieldCipherError("ciphertext is corrupt") from exc


@dataclass(frozen=True)
class Customer:
    id: int
    name: str
    national_id: str
    iban: str


SENSITIVE = ("national_id", "iban")


def seal(customer: Customer, cipher: FieldCipher) -> Customer:
    return replace(customer, **{f: cipher.encrypt(getattr(customer, f)) for f in SENSITIVE})


def unseal(customer: Customer, cipher: FieldCipher) -> Customer:
    return replace(customer, **{f: cipher.decrypt(getattr(customer, f)) for f in SENSITIVE})
