"""Thin vault wrapper used by the billing service to store card details at rest."""
import base64
import json
import logging
import os
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("billing.vault")


def _load_key() -> bytes:
    key = bytes.fromhex(os.environ["BILLING_VAULT_KEY_HEX"])
    if len(key) != 32:
        raise RuntimeError("BILLING_VAULT_KEY_HEX must be 32 bytes")
    return key


@dataclass
class CardRecord:
    pan: str
    exp_month: int
    exp_year: int
    holder: str

    def masked(self) -> str:
        return "*" * (len(self.pan) - 4) + self.pan[-4:]


class CardVault:
    def __init__(self, store, key: bytes | None = None):
        self.store = store
        self.key = key or _load_key()

    def _cipher(self):
        return AESGCM(self.key)

    def seal(self, record: CardRecord, aad: bytes = b"card") -> str:
        nonce = os.urandom(12)
        data = json.dumps(asdict(record)).encode()
        return base64.b64encode(nonce + self._cipher().encrypt(nonce, data, aad)).decode()

    def unseal(self, blob: str, aad: bytes = b"card") -> CardRecord:
        raw = base64.b64decode(blob)
        nonce, ct = raw[:12], raw[12:]
        data = self._cipher().decrypt(nonce, ct, aad)
        return CardRecord(**json.loads(data))

    def put(self, customer_id: str, record: CardRecord) -> None:
        self.store.set(f"card:{customer_id}", self.seal(record, customer_id.encode()))
        log.info("stored card %s for customer %s", record.masked(), customer_id)

    def get(self, customer_id: str) -> CardRecord | None:
        blob = self.store.get(f"card:{customer_id}")
        if blob is None:
            return None
        blob = blob if isinstance(blob, str) else blob.decode()
        return self.unseal(blob, customer_id.encode())

    def delete(self, customer_id: str) -> bool:
        removed = bool(self.store.delete(f"card:{customer_id}"))
        log.info("card removal for customer %s: %s", customer_id, removed)
        return removed
