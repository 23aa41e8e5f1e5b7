"""Field-level encryption for pre-need contract records.

Purchaser SSNs and the bank routing/account numbers used for installment drafts are
encrypted before the contract row is written. The ``migrate`` command re-encrypts
legacy plaintext rows exported from the old contract system.
"""
import argparse
import base64
import csv
import logging
import sys
from typing import Dict

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("contract_crypto")

CONTRACT_FIELD_KEY = bytes.fromhex("3f1a9c0e5b7d2468ace13579bdf024681b2c3d4e5f60718293a4b5c6d7e8f901")  # VULN
SENSITIVE_FIELDS = ("purchaser_ssn", "bank_routing", "bank_account")


class FieldCipher:
    def __init__(self, key: bytes = CONTRACT_FIELD_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 128, 192 or 256 bits")
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
