"""Field-level encryption for veterinary clinical notes.

Clinical notes can include controlled-drug details and staff injury reports,
so they are encrypted before being written to the shared care database.
"""
import base64
import json
import logging
import os
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("vet_crypto")

RECORD_KEY = bytes.fromhex(os.environ["VET_RECORD_KEY_HEX"])
ENCRYPTED_FIELDS = ("clinical_notes", "drug_log", "staff_incident")


class NoteCipher:
    def __init__(self, key: bytes = RECORD_KEY):
        self.key = key

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(12)
        data = self._cipher().encrypt(nonce, plaintext.encode("utf-8"), None)
        return base64.b64encode(nonce + data).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, data = raw[:12], raw[12:]
        return self._cipher().decrypt(nonce, data, None).decode("utf-8")


def seal_record(record: dict[str, Any], cipher: NoteCipher | None = None) -> dict[str, Any]:
    cipher = cipher or NoteCipher()
    out = dict(record)
    for field in ENCRYPTED_FIELDS:
        if out.get(field):
            out[field] = cipher.encrypt(json.dumps(out[field]))
    out["_sealed"] = True
    return out


def open_record(record: dict[str, Any], cipher: NoteCipher | None = None) -> dict[str, Any]:
    if not record.get("_sealed"):
        return record
    cipher = cipher or NoteCipher()
    out = dict(record)
    for field in ENCRYPTED_FIELDS:
        if out.get(field):
            try:
                out[field] = json.loads(cipher.decrypt(out[field]))
            except Exception:
                log.error("could not decrypt %s for animal %s", field, record.get("animal_id"))
                out[field] = None
    out.pop("_sealed", None)
    return out
