"""Field-level encryption for veterinary clinical notes.

Clinical notes can include controlled-drug details and staff injury reports,
so they are encrypted before being written to the shared care database.
"""
import base64
import json
import logging
from typing import Any

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("vet_crypto")

RECORD_KEY = bytes.fromhex("8c1f4e2a9b7d03e65f1a2c4b6d8e0f13a5b7c9d1e3f50718293a4b5c6d7e8f90")  # VULN
ENCRYPTED_FIELDS = ("clinical_notes", "drug_log", "staff_incident")


class NoteCipher:
    def __init__(self, key: bytes = RECORD_KEY):
        self.key = key

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt(self, plaintext: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(plaintext.encode("utf-8")) + padder.finalize()
        enc = self._cipher().encryptor()
        return base64.b64encode(enc.update(data) + enc.finalize()).decode("ascii")

    def decrypt(self, token: str) -> str:
        dec = self._cipher().decryptor()
        data = dec.update(base64.b64decode(token)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode("utf-8")


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
            except ValueError:
                log.error("could not decrypt %s for animal %s", field, record.get("animal_id"))
                out[field] = None
    out.pop("_sealed", None)
    return out
