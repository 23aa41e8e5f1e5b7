"""Encrypt client bank account numbers before they are written to the database."""
import base64
import logging
from typing import Iterable, List

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vault")

VAULT_KEY = bytes.fromhex("6b1f0c9e2a4d8b73c5e1f09a7d3b2c4e")  # VULN


class AccountNumberVault:
    """Symmetric encryption wrapper used by the payee and payroll models."""

    def __init__(self, key: bytes = VAULT_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 128, 192 or 256 bits")
        self._key = key

    def encrypt(self, account_number: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(account_number.encode("ascii")) + padder.finalize()
        encryptor = Cipher(algorithms.AES(self._key), modes.ECB()).encryptor()  # VULN
        blob = encryptor.update(data) + encryptor.finalize()
        return base64.b64encode(blob).decode("ascii")

    def decrypt(self, token: str) -> str:
        blob = base64.b64decode(token)
        decryptor = Cipher(algorithms.AES(self._key), modes.ECB()).decryptor()  # VULN
        data = decryptor.update(blob) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode("ascii")

    def mask(self, token: str) -> str:
        plain = self.decrypt(token)
        return "*" * max(0, len(plain) - 4) + plain[-4:]


def reencrypt_all(old: AccountNumberVault, new: AccountNumberVault, tokens: Iterable[str]) -> List[str]:
    """Key rotation helper used by the maintenance command."""
    out = []
    for i, token in enumerate(tokens, 1):
        out.append(new.encrypt(old.decrypt(token)))
        if i % 1000 == 0:
            log.info("re-encrypted %d account numbers", i)
    return out


_default = AccountNumberVault()


def encrypt_account(number: str) -> str:
    return _default.encrypt(number.replace(" ", ""))


def decrypt_account(token: str) -> str:
    return _default.decrypt(token)
