"""Field-level encryption for patient care report (PCR) fields at rest."""
import base64
import json
import logging
import os
from typing import Dict

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("pcr.crypto")

PCR_FIELD_KEY = base64.b64decode(os.environ.get("PCR_FIELD_KEY_B64", ""))
SENSITIVE_FIELDS = ("patient_name", "dob", "ssn_last4", "chief_complaint", "medications")


class FieldCipher:
    def __init__(self, key: bytes = PCR_FIELD_KEY):
        if len(key) != 32:
            raise ValueError("PCR field key must be 32 bytes")
        self.key = key

    def encrypt(self, value: str) -> str:
        nonce = os.urandom(12)
        enc = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        ct = enc.update(value.encode("utf-8")) + enc.finalize()
        return base64.b64encode(nonce + enc.tag + ct).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, tag, ct = raw[:12], raw[12:28], raw[28:]
        dec = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        return (dec.update(ct) + dec.finalize()).decode("utf-8")


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
