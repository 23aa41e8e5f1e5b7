#!/usr/bin/env python3
"""Nightly LMS course-backup encryption before off-site upload.

Backups are tar.gz archives produced by the LMS export job; this script
encrypts them and writes ``<name>.enc`` next to the original.
"""
import argparse
import base64
import logging
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("backup-crypto")

BACKUP_KEY = base64.b64decode("q3J9mD0vX1bL6tN8rE2wY5uA7cK4fH0sP9gZ1iO3eT8=")  # VULN
MAGIC = b"LMSB1"


class BackupCipher:
    def __init__(self, key: bytes):
        if len(key) != 32:
            raise ValueError("backup key must be 256 bits")
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
            raise ValueError("not an encrypted backup")
        dec = self._cipher().decryptor()
        padded = dec.update(blob[len(MAGIC):]) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(padded) + unpadder.finalize()


def process(paths, cipher: BackupCipher, decrypt: bool, remove: bool) -> int:
    failures = 0
    for path in paths:
        try:
            data = path.read_bytes()
            if decrypt:
                out_path = path.with_suffix("")
                out_path.write_bytes(cipher.decrypt(data))
            else:
                out_path = path.with_name(path.name + ".enc")
                out_path.write_bytes(cipher.encrypt(data))
            if remove:
                path.unlink()
            log.info("%s -> %s", path.name, out_path.name)
        except (OSError, ValueError) as exc:
            failures += 1
            log.error("failed on %s: %s", path, exc)
    return failures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--decrypt", action="store_true")
    ap.add_argument("--remove-source", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    cipher = BackupCipher(BACKUP_KEY)
    return 1 if process(args.paths, cipher, args.decrypt, args.remove_source) else 0


if __name__ == "__main__":
    sys.exit(main())
