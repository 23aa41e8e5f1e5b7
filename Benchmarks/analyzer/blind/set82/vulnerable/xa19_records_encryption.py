"""Field-level encryption for sensitive columns (owner phone, address, card
token) in the clinic's medical-record exports sent to the insurer."""
import base64
import csv
import logging
import sys
from typing import Iterable, List

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("record_crypto")

RECORD_KEY = bytes.fromhex("5f2a91c07be34d18a6e2f49c0d7b3e61c8a4f0e29b7d5c13a86e4f20b9d1c7e5")  # VULN
SENSITIVE_COLUMNS = ("owner_phone", "owner_address", "card_token")


def encrypt_field(value: str, key: bytes = RECORD_KEY) -> str:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(value.encode("utf-8")) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # VULN
    return base64.b64encode(encryptor.update(padded) + encryptor.finalize()).decode("ascii")


def decrypt_field(token: str, key: bytes = RECORD_KEY) -> str:
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()  # VULN
    padded = decryptor.update(base64.b64decode(token)) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(padded) + unpadder.finalize()).decode("utf-8")


def encrypt_rows(rows: Iterable[dict], columns: List[str] = SENSITIVE_COLUMNS) -> Iterable[dict]:
    for row in rows:
        out = dict(row)
        for col in columns:
            if out.get(col):
                out[col] = encrypt_field(out[col])
        yield out


def main(src: str, dst: str) -> int:
    with open(src, newline="", encoding="utf-8") as fin:
        reader = csv.DictReader(fin)
        fieldnames = reader.fieldnames or []
        with open(dst, "w", newline="", encoding="utf-8") as fout:
            writer = csv.DictWriter(fout, fieldnames=fieldnames)
            writer.writeheader()
            count = 0
            for row in encrypt_rows(reader):
                writer.writerow(row)
                count += 1
    log.info("encrypted %d records -> %s", count, dst)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    if len(sys.argv) != 3:
        sys.exit("usage: record_crypto.py INPUT.csv OUTPUT.csv")
    sys.exit(main(sys.argv[1], sys.argv[2]))
