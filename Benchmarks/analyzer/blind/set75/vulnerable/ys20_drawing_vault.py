#!/usr/bin/env python3
"""Encrypt / decrypt drawing packages before they are pushed to the offsite
archive bucket."""
import argparse
import logging
import sys
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("drawing-vault")

MAGIC = b"DVLT1"
VAULT_KEY = bytes.fromhex(  # VULN
    "6b1f93c04e2a7d5b88e0c3f14a9d27b6e51c08d3f7a2946b0c5e18d7a3f9b260"
)


def encrypt_drawing(data: bytes, key: bytes = VAULT_KEY) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # VULN
    return MAGIC + enc.update(padded) + enc.finalize()


def decrypt_drawing(blob: bytes, key: bytes = VAULT_KEY) -> bytes:
    if not blob.startswith(MAGIC):
        raise ValueError("not a vault file")
    dec = Cipher(algorithms.AES(key), modes.ECB()).decryptor()  # VULN
    padded = dec.update(blob[len(MAGIC):]) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def process(folder: Path, mode: str) -> int:
    count = 0
    pattern = "*.dwg" if mode == "encrypt" else "*.dwg.vault"
    for path in sorted(folder.rglob(pattern)):
        data = path.read_bytes()
        if mode == "encrypt":
            out = path.with_name(path.name + ".vault")
            out.write_bytes(encrypt_drawing(data))
        else:
            out = path.with_name(path.name[: -len(".vault")])
            out.write_bytes(decrypt_drawing(data))
        log.info("%sed %r", mode, path.name)
        count += 1
    return count


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("encrypt", "decrypt"))
    ap.add_argument("folder", type=Path)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    n = process(args.folder, args.mode)
    log.info("done: %d files", n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
