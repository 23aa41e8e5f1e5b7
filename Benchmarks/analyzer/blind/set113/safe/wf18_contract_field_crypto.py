"""Field-level encryption for pre-need contract records.

Purchaser SSNs and the bank routing/account numbers used for installment drafts are
encrypted before the contract row is written. The ``migrate`` command re-encrypts
legacy plaintext rows exported from the old contract system.
"""
import argparse
import base64
import csv
import logging
import os
import sys
from typing import Dict

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("contract_crypto")

CONTRACT_FIELD_KEY = base64.b64decode(os.environ.get("CONTRACT_FIELD_KEY", ""))
SENSITIVE_FIELDS = ("purchaser_ssn", "bank_routing", "bank_account")


class FieldCipher:
    def __init__(self, key: bytes = CONTRACT_FIELD_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 128, 192 or 256 bits")
        self.key = key

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def encrypt(self, value: str) -> str:
        nonce = os.urandom(12)
        data = self._cipher().encrypt(nonce, value.encode("utf-8"), b"preneed-contract")
        return base64.b64encode(nonce + data).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, data = raw[:12], raw[12:]
        return self._cipher().decrypt(nonce, data, b"preneed-contract").decode("utf-8")


def protect_contract(record: Dict[str, str], cipher: FieldCipher) -> Dict[str, str]:
    out = dict(record)
    for field in SENSITIVE_FIELDS:
        value = (out.get(field) or "").strip()
        if value:
            out[field] = cipher.encrypt(value)
    return out


def migrate(src: str, dst: str) -> int:
    cipher = FieldCipher()
    count = 0
    with open(src, newline="") as fin, open(dst, "w", newline="") as fout:
        reader = csv.DictReader(fin)
        writer = csv.DictWriter(fout, fieldnames=reader.fieldnames)
        writer.writeheader()
        for record in reader:
            writer.writerow(protect_contract(record, cipher))
            count += 1
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Encrypt sensitive pre-need contract fields")
    sub = parser.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("migrate")
    m.add_argument("src")
    m.add_argument("dst")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    if args.cmd == "migrate":
        n = migrate(args.src, args.dst)
        log.info("encrypted %d contract rows", n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
