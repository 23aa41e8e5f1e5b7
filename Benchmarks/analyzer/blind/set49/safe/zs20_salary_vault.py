"""Field-level encryption for compensation data.

Salary, bonus and bank details are encrypted before they are written to the
reporting warehouse so that analysts with table access only see ciphertext.
"""
import base64
import os
from decimal import Decimal
from typing import Dict, Iterable

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SENSITIVE_FIELDS = ("base_salary", "bonus_target", "iban")
NONCE_SIZE = 12


class SalaryVault:
    def __init__(self, key: bytes):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 128, 192 or 256 bits")
        self._key = key

    @classmethod
    def from_env(cls, var: str = "COMP_FIELD_KEY") -> "SalaryVault":
        return cls(base64.b64decode(os.environ[var]))

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(NONCE_SIZE)
        data = AESGCM(self._key).encrypt(nonce, plaintext.encode("utf-8"), None)
        return base64.b64encode(nonce + data).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, data = raw[:NONCE_SIZE], raw[NONCE_SIZE:]
        return AESGCM(self._key).decrypt(nonce, data, None).decode("utf-8")

    def encrypt_amount(self, amount: Decimal) -> str:
        return self.encrypt(str(amount.quantize(Decimal("0.01"))))

    def decrypt_amount(self, token: str) -> Decimal:
        return Decimal(self.decrypt(token))


def protect_rows(vault: SalaryVault, rows: Iterable[Dict]) -> Iterable[Dict]:
    for row in rows:
        out = dict(row)
        for field in SENSITIVE_FIELDS:
            value = out.get(field)
            if value is None:
                continue
            if isinstance(value, Decimal):
                out[field] = vault.encrypt_amount(value)
            else:
                out[field] = vault.encrypt(str(value))
        yield out


if __name__ == "__main__":
    v = SalaryVault(os.urandom(32))
    sample = [{"employee_id": 7, "base_salary": Decimal("64000"), "iban": "DE89370400440532013000"}]
    for r in protect_rows(v, sample):
        print(r)
