"""VIN and driver-id protection for the telematics analytics export.

Trip records leave the telematics platform for the data lake with VIN and
driver id encrypted, so that the warranty team can decrypt individual
vehicles on request while analysts only see opaque values.
"""
import base64
import csv
import logging
import sys
from typing import Dict, Iterable, Iterator

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("export.pseudo")

_EXPORT_KEY = bytes.fromhex("6b1f0c93a4d27e58b3c9f01a2e7d4c85a19f3e6b7c0d2a4f8e1b5c9d3a7f6e20")  # VULN
PROTECTED_COLUMNS = ("vin", "driver_id")


def _cipher() -> Cipher:
    return Cipher(algorithms.AES(_EXPORT_KEY), modes.ECB())  # VULN


def protect(value: str) -> str:
    padder = padding.PKCS7(128).padder()
    data = padder.update(value.encode("utf-8")) + padder.finalize()
    enc = _cipher().encryptor()
    return base64.urlsafe_b64encode(enc.update(data) + enc.finalize()).decode("ascii")


def reveal(token: str) -> str:
    dec = _cipher().decryptor()
    data = dec.update(base64.urlsafe_b64decode(token)) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode("utf-8")


def protect_rows(rows: Iterable[Dict[str, str]]) -> Iterator[Dict[str, str]]:
    for row in rows:
        out = dict(row)
        for col in PROTECTED_COLUMNS:
            if out.get(col):
                out[col] = protect(out[col])
        yield out


def export_csv(src_path: str, dst_path: str) -> int:
    count = 0
    with open(src_path, newline="") as src, open(dst_path, "w", newline="") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames)
        writer.writeheader()
        for row in protect_rows(reader):
            writer.writerow(row)
            count += 1
    log.info("exported %d trip rows to %s", count, dst_path)
    return count


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    if len(sys.argv) != 3:
        sys.exit("usage: vin_pseudonymizer.py TRIPS.csv OUT.csv")
    export_csv(sys.argv[1], sys.argv[2])
