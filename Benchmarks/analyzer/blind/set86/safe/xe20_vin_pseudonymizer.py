"""VIN and driver-id protection for the telematics analytics export.

Trip records leave the telematics platform for the data lake with VIN and
driver id encrypted, so that the warranty team can decrypt individual
vehicles on request while analysts only see opaque values.
"""
import base64
import csv
import logging
import os
import sys
from typing import Dict, Iterable, Iterator

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("export.pseudo")

_EXPORT_KEY = base64.b64decode(os.environ.get("TRIP_EXPORT_KEY_B64", ""))
PROTECTED_COLUMNS = ("vin", "driver_id")
NONCE_LEN = 12
TAG_LEN = 16


def _cipher(nonce: bytes, tag: bytes = None) -> Cipher:
    if len(_EXPORT_KEY) != 32:
        raise RuntimeError("TRIP_EXPORT_KEY_B64 must hold a 256-bit key")
    return Cipher(algorithms.AES(_EXPORT_KEY), modes.GCM(nonce, tag))


def protect(value: str) -> str:
    nonce = os.urandom(NONCE_LEN)
    enc = _cipher(nonce).encryptor()
    ct = enc.update(value.encode("utf-8")) + enc.finalize()
    return base64.urlsafe_b64encode(nonce + ct + enc.tag).decode("ascii")


def reveal(token: str) -> str:
    raw = base64.urlsafe_b64decode(token)
    nonce, ct, tag = raw[:NONCE_LEN], raw[NONCE_LEN:-TAG_LEN], raw[-TAG_LEN:]
    dec = _cipher(nonce, tag).decryptor()
    return (dec.update(ct) + dec.finalize()).decode("utf-8")


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
