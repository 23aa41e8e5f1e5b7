"""Field-level encryption for personally identifiable columns."""
import base64
import binascii
import os
from dataclasses import dataclass, replace

from Crypto.Cipher import DES
from Crypto.Util.Padding import pad, unpad

KEY_ENV = "PII_FIELD_KEY"
KEY_BYTES = 8


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

    def _cipher(self):
        return DES.new(self._key, DES.MODE_ECB)  # VULN

    def encrypt(self, value: str) -> str:
        data = pad(value.encode("utf-8"), 8)
        return base64.b64encode(self._cipher().encrypt(data)).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            raw = base64.b64decode(token, validate=True)
            return unpad(self._cipher().decrypt(raw), 8).decode("utf-8")
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
