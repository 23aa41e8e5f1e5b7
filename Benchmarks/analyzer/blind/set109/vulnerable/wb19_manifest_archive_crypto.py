#!/usr/bin/env python3
"""Encrypt closed hazardous-waste manifests for the 3-year statutory archive.

Usage:
    manifest_archive.py seal  /srv/hazwaste/closed /mnt/archive/2024
    manifest_archive.py open  /mnt/archive/2024/HW-000123.enc
"""
import argparse
import logging
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("manifest_archive")

ARCHIVE_KEY = bytes.fromhex("3f8a1c9d27e44b6a90c1d2e3f4a5b6c7d8e9fa0b1c2d3e4f5a6b7c8d9e0f1a2b")  # VULN
MAGIC = b"WBA1"


def encrypt_manifest(data: bytes, key: bytes = ARCHIVE_KEY) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # VULN
    return MAGIC + encryptor.update(padded) + encryptor.finalize()


def decrypt_manifest(blob: bytes, key: bytes = ARCHIVE_KEY) -> bytes:
    if not blob.startswith(MAGIC):
        raise ValueError("not an archived manifest")
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()  # VULN
    padded = decryptor.update(blob[len(MAGIC):]) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def seal(src_dir: Path, dest_dir: Path) -> int:
    dest_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(src_dir.glob("HW-*.xml")):
        target = dest_dir / (path.stem + ".enc")
        if target.exists():
            continue
        target.write_bytes(encrypt_manifest(path.read_bytes()))
        count += 1
    log.info("sealed %d manifests into %s", count, dest_dir)
    return count


def open_one(path: Path) -> None:
    sys.stdout.buffer.write(decrypt_manifest(path.read_bytes()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="hazwaste manifest archive")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("seal")
    s.add_argument("src", type=Path)
    s.add_argument("dest", type=Path)
    o = sub.add_parser("open")
    o.add_argument("path", type=Path)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    if args.cmd == "seal":
        seal(args.src, args.dest)
    else:
        open_one(args.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
