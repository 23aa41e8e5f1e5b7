"""Field-level encryption for patient care report (PCR) fields at rest."""
import base64
import json
import logging
from typing import Dict

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("pcr.crypto")

PCR_FIELD_KEY = bytes.fromhex(  # VULN
    "8f2a6c0d9b13e47751aa3f0c6d2e9b8417c5e0a3b6d91f24c8e7a05b3d6f1902"
)
SENSITIVE_FIELDS = ("patient_name", "dob", "ssn_last4", "chief_complaint", "medications")


class FieldCipher:
    def __init__(self, key: bytes = PCR_FIELD_KEY):
        self.key = key

    def encrypt(self, value: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(value.encode("utf-8")) + padder.finalize()
        enc = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return base64.b64encode(enc.update(data) + enc.finalize()).decode("ascii")

    def decrypt(self, token: str) -> str:
        dec = Cipher(algorithms.AES(self.key), modes.ECB()).decryptor()  # VULN
        data = dec.update(base64.b64decode(token)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode("utf-8")


def protect_report(report: Dict[str, str], cipher: FieldCipher) -> Dict[str, str]:
    out = dict(report)
    for name in SENSITIVE_FIELDS:
        if out.get(name):
            out[name] = cipher.encrypt(str(out[name]))
    out["_enc"] = list(SENSITIVE_FIELDS)
    return out


def reveal_report(stored: Dict[str, str], cipher: FieldCipher) -> Dict[str, str]:
    out = dict(stored)
    for name in out.pop("_enc", []):
        if out.get(name):
            out[name] = cipher.decrypt(out[name])
    return out


if __name__ == "__main__":
    c = FieldCipher()
    pcr = {"incident_id": "24-118812", "patient_name": "J. Doe", "dob": "1961-04-02",
           "chief_complaint": "chest pain", "unit": "M12"}
    sealed = protect_report(pcr, c)
    print(json.dumps(sealed, indent=2))
    assert reveal_report(sealed, c) == pcr
