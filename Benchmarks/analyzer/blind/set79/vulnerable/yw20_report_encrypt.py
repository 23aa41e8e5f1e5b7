#!/usr/bin/env python3
"""Encrypt incident reports before they are pushed to the partner SFTP drop,
and decrypt reports partners send back."""
import argparse
import logging
import sys
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

MAGIC = b"IRPT1"
REPORT_KEY = bytes.fromhex("6b1f0c9a2e4d7f8051a3c6e9b2d4f70813579bdf2468ace013579bdf2468ace0")  # VULN

log = logging.getLogger("report_crypt")


class ReportCipher:
    def __init__(self, key: bytes = REPORT_KEY):
        if len(key) != 32:
            raise ValueError("report key must be 256 bits")
        self.key = key

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt(self, data: bytes) -> bytes:
        padder = padding.PKCS7(128).padder()
        padded = padder.update(data) + padder.finalize()
        enc = self._cipher().encryptor()
        return MAGIC + enc.update(padded) + enc.finalize()

    def decrypt(self, blob: bytes) -> bytes:
        if not blob.startswith(MAGIC):
            raise ValueError("not an encrypted report")
        dec = self._cipher().decryptor()
        padded = dec.update(blob[len(MAGIC):]) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(padded) + unpadder.finalize()


def process(paths: list, out_dir: Path, decrypt: bool) -> int:
    rc = ReportCipher()
    errors = 0
    out_dir.mkdir(parents=True, exist_ok=True)
    for p in paths:
        data = p.read_bytes()
        try:
            result = rc.decrypt(data) if decrypt else rc.encrypt(data)
        except ValueError as exc:
            log.error("%s: %s", p.name, exc)
            errors += 1
            continue
        suffix = ".dec" if decrypt else ".enc"
        (out_dir / (p.stem + suffix)).write_bytes(result)
        log.info("%s -> %s%s", p.name, p.stem, suffix)
    return errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("-o", "--out-dir", type=Path, default=Path("./outbox"))
    ap.add_argument("-d", "--decrypt", action="store_true")
    args = ap.parse_args()
    return 1 if process(args.files, args.out_dir, args.decrypt) else 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    sys.exit(main())
