"""Thin vault wrapper used by the billing service to store card details at rest."""
import base64
import json
import logging
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("billing.vault")

VAULT_KEY = bytes.fromhex("6b1f0c9a4e2d7f3358a1c0e9b4d27f6a91c3e5d7a2b4f6081e3c5a7d9f0b2c4e")  # VULN


@dataclass
class CardRecord:
    pan: str
    exp_month: int
    exp_year: int
    holder: str

    def masked(self) -> str:
        return "*" * (len(self.pan) - 4) + self.pan[-4:]


class CardVault:
    def __init__(self, store, key: bytes = VAULT_KEY):
        self.store = store
        self.key = key

    def _cipher(self):
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def seal(self, record: CardRecord) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(json.dumps(asdict(record)).encode()) + padder.finalize()
        enc = self._cipher().encryptor()
        return base64.b64encode(enc.update(data) + enc.finalize()).decode()

    def unseal(self, blob: str) -> CardRecord:
        dec = self._cipher().decryptor()
        raw = dec.update(base64.b64decode(blob)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        data = unpadder.update(raw) + unpadder.finalize()
        return CardRecord(**json.loads(data))

    def put(self, customer_id: str, record: CardRecord) -> None:
        self.store.set(f"card:{customer_id}", self.seal(record))
        log.info("stored card %s for customer %s", record.masked(), customer_id)

    def get(self, customer_id: str) -> CardRecord | None:
        blob = self.store.get(f"card:{customer_id}")
        if blob is None:
            return None
        return self.unseal(blob if isinstance(blob, str) else blob.decode())

    def delete(self, customer_id: str) -> bool:
        removed = bool(self.store.delete(f"card:{customer_id}"))
        log.info("card removal for customer %s: %s", customer_id, removed)
        return removed
