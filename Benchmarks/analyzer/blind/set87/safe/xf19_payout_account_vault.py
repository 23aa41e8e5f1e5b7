"""Encrypts members' payout bank details before they are stored in the wallet DB."""
import base64
import logging
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("wallet.vault")

VAULT_KEY = bytes.fromhex(os.environ.get("WALLET_VAULT_KEY_HEX", ""))


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

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def encrypt_field(self, value: str) -> str:
        nonce = os.urandom(12)
        ct = self._cipher().encrypt(nonce, value.encode("utf-8"), b"payout-account")
        return base64.b64encode(nonce + ct).decode("ascii")

    def decrypt_field(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, ct = raw[:12], raw[12:]
        return self._cipher().decrypt(nonce, ct, b"payout-account").decode("utf-8")

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
