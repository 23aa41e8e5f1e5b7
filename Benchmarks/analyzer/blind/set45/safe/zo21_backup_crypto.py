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

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("backup-crypto")

MAGIC = b"LMSB2"
NONCE_BYTES = 12


def load_backup_key() -> bytes:
    key_file = os.environ.get("BACKUP_KEY_FILE", "/run/secrets/lms_backup_key")
    with open(key_file, "rb") as fh:
        return base64.b64decode(fh.read().strip())


class BackupCipher:
    def __init__(self, key: bytes):
        if len(key) != 32:
            raise ValueError("backup key must be 256 bits")
        self.key = key

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def encrypt(self, data: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return MAGIC + nonce + self._cipher().encrypt(nonce, data, MAGIC)

    def decrypt(self, blob: bytes) -> bytes:
        if not blob.startswith(MAGIC):
            raise ValueError("not an encrypted backup")
        body = blob[len(MAGIC):]
        nonce, ciphertext = body[:NONCE_BYTES], body[NONCE_BYTES:]
        return self._cipher().decrypt(nonce, ciphertext, MAGIC)


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
        except Exception as exc:
            failures += 1
            log.error("failed on %s: %r", path, exc)
    return failures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--decrypt", action="store_true")
    ap.add_argument("--remove-source", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    cipher = BackupCipher(load_backup_key())
    return 1 if process(args.paths, cipher, args.decrypt, args.remove_source) else 0


if __name__ == "__main__":
    sys.exit(main())
