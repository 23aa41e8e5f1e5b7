"""Field-level encryption for sensitive candidate identifiers (SSN, date of
birth, driver's licence number) collected for background checks."""
import base64
import logging
import os
from dataclasses import dataclass
from typing import Optional

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("pii.vault")

PII_KEY = base64.b64decode(os.environ["PII_ENCRYPTION_KEY"])
KEY_VERSION = os.environ.get("PII_KEY_VERSION", "v2")


class PiiCipher:
    def __init__(self, key: bytes = PII_KEY, version: str = KEY_VERSION):
        if len(key) != 32:
            raise ValueError("expected a 256-bit key")
        self.key = key
        self.version = version

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(12)
        blob = nonce + self._cipher().encrypt(nonce, plaintext.encode("utf-8"),
                                              self.version.encode("ascii"))
        return f"{self.version}:{base64.b64encode(blob).decode('ascii')}"

    def decrypt(self, token: str) -> str:
        version, _, payload = token.partition(":")
        if version != self.version:
            raise ValueError(f"unknown key version {version!r}")
        raw = base64.b64decode(payload)
        nonce, ciphertext = raw[:12], raw[12:]
        plain = self._cipher().decrypt(nonce, ciphertext, version.encode("ascii"))
        return plain.decode("utf-8")


@dataclass
class ScreeningIdentity:
    candidate_id: int
    legal_name: str
    ssn: str
    date_of_birth: str
    licence_number: Optional[str] = None

    def to_record(self, cipher: PiiCipher) -> dict:
        return {
            "candidate_id": self.candidate_id,
            "legal_name": self.legal_name,
            "ssn_enc": cipher.encrypt(self.ssn),
            "dob_enc": cipher.encrypt(self.date_of_birth),
            "licence_enc": cipher.encrypt(self.licence_number) if self.licence_number else None,
            "ssn_last4": self.ssn[-4:],
        }

    @classmethod
    def from_record(cls, record: dict, cipher: PiiCipher) -> "ScreeningIdentity":
        lic = record.get("licence_enc")
        return cls(
            candidate_id=record["candidate_id"],
            legal_name=record["legal_name"],
            ssn=cipher.decrypt(record["ssn_enc"]),
            date_of_birth=cipher.decrypt(record["dob_enc"]),
            licence_number=cipher.decrypt(lic) if lic else None,
        )
