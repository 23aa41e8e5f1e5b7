"""Field-level encryption for sensitive columns (owner phone, address, card
token) in the clinic's medical-record exports sent to the insurer."""
import base64
import csv
import logging
import os
import sys
from typing import Iterable, List

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("record_crypto")

RECORD_KEY = base64.b64decode(os.environ.get("RECORD_KEY_B64", ""))
SENSITIVE_COLUMNS = ("owner_phone", "owner_address", "card_token")
NONCE_BYTES = 12
TAG_BYTES = 16


def encrypt_field(value: str, key: bytes = RECORD_KEY) -> str:
    nonce = os.urandom(NONCE_BYTES)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    ciphertext = encryptor.update(value.encode("utf-8")) + encryptor.finalize()
    return base64.b64encode(nonce + ciphertext + encryptor.tag).decode("ascii")


def decrypt_field(token: str, key: bytes = RECORD_KEY) -> str:
    raw = base64.b64decode(token)
    nonce, ciphertext, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES:-TAG_BYTES], raw[-TAG_BYTES:]
    decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
    return (decryptor.update(ciphertext) + decryptor.finalize()).decode("utf-8")


def encrypt_rows(rows: Iterable[dict], columns: List[str] = SENSITIVE_COLUMNS) -> Iterable[dict]:
    for row in rows:
        out = dict(row)
        for col in columns:
            if out.get(col):
                out[col] = encrypt_field(out[col])
        yield out


def main(src: str, dst: str) -> int:
    if len(RECORD_KEY) != 32:
        log.error("RECORD_KEY_B64 must hold a 256-bit key")
        return 2
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
