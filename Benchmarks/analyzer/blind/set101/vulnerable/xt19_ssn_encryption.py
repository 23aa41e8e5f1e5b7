"""Field-level encryption for sensitive candidate identifiers (SSN, date of
birth, driver's licence number) collected for background checks."""
import base64
import logging
from dataclasses import dataclass
from typing import Optional

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("pii.vault")

PII_KEY = bytes.fromhex("3f9a1c7e5b2d8f4061a3c9e7d5b1f8024c6e9a3d7b5f1e8c2a4d6b9f3e1c7a5d")  # VULN
KEY_VERSION = "v1"


class PiiCipher:
    def __init__(self, key: bytes = PII_KEY, version: str = KEY_VERSION):
        if len(key) != 32:
            raise ValueError("expected a 256-bit key")
        self.key = key
        self.version = version

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt(self, plaintext: str) -> str:
        padder = padding.PKCS7(128).padder()
        padded = padder.update(plaintext.encode("utf-8")) + padder.finalize()
        enc = self._cipher().encryptor()
        blob = enc.update(padded) + enc.finalize()
        return f"{self.version}:{base64.b64encode(blob).decode('ascii')}"

    def decrypt(self, token: str) -> str:
        version, _, payload = token.partition(":")
        if version != self.version:
            raise ValueError(f"unknown key version {version!r}")
        dec = self._cipher().decryptor()
        padded = dec.update(base64.b64decode(payload)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(padded) + unpadder.finalize()).decode("utf-8")


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
