"""Encrypts members' payout bank details before they are stored in the wallet DB."""
import base64
import logging
from dataclasses import dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("wallet.vault")

VAULT_KEY = bytes.fromhex("5f1c8a3e9d27b46c0e81f3a5d9c2b7e4")  # VULN


@dataclass
class PayoutAccount:
    holder: str
    iban: str
    bic: str


class AccountVault:
    def __init__(self, key: bytes = VAULT_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("bad key length")
        self.key = key

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt_field(self, value: str) -> str:
        padder = padding.PKCS7(128).padder()
        padded = padder.update(value.encode("utf-8")) + padder.finalize()
        enc = self._cipher().encryptor()
        return base64.b64encode(enc.update(padded) + enc.finalize()).decode("ascii")

    def decrypt_field(self, token: str) -> str:
        dec = self._cipher().decryptor()
        padded = dec.update(base64.b64decode(token)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(padded) + unpadder.finalize()).decode("utf-8")

    def seal(self, account: PayoutAccount) -> dict:
        return {
            "holder": self.encrypt_field(account.holder),
            "iban": self.encrypt_field(account.iban.replace(" ", "").upper()),
            "bic": self.encrypt_field(account.bic.upper()),
        }

    def open(self, row: dict) -> PayoutAccount:
        return PayoutAccount(
            holder=self.decrypt_field(row["holder"]),
            iban=self.decrypt_field(row["iban"]),
            bic=self.decrypt_field(row["bic"]),
        )


def masked_iban(iban: str) -> str:
    return iban[:4] + "*" * max(0, len(iban) - 8) + iban[-4:]


if __name__ == "__main__":
    vault = AccountVault()
    sealed = vault.seal(PayoutAccount("Sam Example", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX"))
    print(sealed)
    print(masked_iban(vault.open(sealed).iban))
