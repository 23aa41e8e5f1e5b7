"""Field-level encryption for sensitive claim data (subscriber SSN, member ID,
date of birth) before it is written to the claims export warehouse."""
import base64
import csv
import logging
import os
import sys
from typing import Iterable

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("claim_crypto")

SENSITIVE_FIELDS = ("subscriber_ssn", "member_id", "patient_dob")
NONCE_LEN = 12
TAG_LEN = 16


def load_key() -> bytes:
    return base64.b64decode(os.environ["CLAIM_FIELD_KEY"])


class FieldCipher:
    def __init__(self, key: bytes = None):
        key = key if key is not None else load_key()
        if len(key) not in (16, 24, 32):
            raise ValueError("bad key length")
        self.key = key

    def _cipher(self, mode) -> Cipher:
        return Cipher(algorithms.AES(self.key), mode)

    def encrypt(self, value: str) -> str:
        nonce = os.urandom(NONCE_LEN)
        enc = self._cipher(modes.GCM(nonce)).encryptor()
        data = enc.update(value.encode("utf-8")) + enc.finalize()
        return base64.b64encode(nonce + data + enc.tag).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, data, tag = raw[:NONCE_LEN], raw[NONCE_LEN:-TAG_LEN], raw[-TAG_LEN:]
        dec = self._cipher(modes.GCM(nonce, tag)).decryptor()
        return (dec.update(data) + dec.finalize()).decode("utf-8")


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
