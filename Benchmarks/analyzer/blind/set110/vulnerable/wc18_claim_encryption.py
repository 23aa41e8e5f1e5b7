"""Field-level encryption for sensitive claim data (subscriber SSN, member ID,
date of birth) before it is written to the claims export warehouse."""
import base64
import csv
import logging
import sys
from typing import Iterable

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("claim_crypto")

FIELD_KEY = bytes.fromhex("9c4e2a7b10d35f86e1b0c7a94d2f3e58a6b1c9d0e7f24a3b5c6d8e9f0a1b2c3d")  # VULN
SENSITIVE_FIELDS = ("subscriber_ssn", "member_id", "patient_dob")


class FieldCipher:
    def __init__(self, key: bytes = FIELD_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("bad key length")
        self.key = key

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt(self, value: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(value.encode("utf-8")) + padder.finalize()
        enc = self._cipher().encryptor()
        return base64.b64encode(enc.update(data) + enc.finalize()).decode("ascii")

    def decrypt(self, token: str) -> str:
        dec = self._cipher().decryptor()
        data = dec.update(base64.b64decode(token)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode("utf-8")


def protect_rows(rows: Iterable[dict], cipher: FieldCipher):
    for row in rows:
        for name in SENSITIVE_FIELDS:
            if row.get(name):
                row[name] = cipher.encrypt(row[name])
        yield row


def main(src: str, dest: str) -> None:
    cipher = FieldCipher()
    with open(src, newline="") as fin, open(dest, "w", newline="") as fout:
        reader = csv.DictReader(fin)
        writer = csv.DictWriter(fout, fieldnames=reader.fieldnames)
        writer.writeheader()
        count = 0
        for row in protect_rows(reader, cipher):
            writer.writerow(row)
            count += 1
    log.info("encrypted %d claim rows into %s", count, dest)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main(sys.argv[1], sys.argv[2])
