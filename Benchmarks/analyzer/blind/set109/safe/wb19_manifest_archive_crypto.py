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

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("manifest_archive")

MAGIC = b"WBA2"
NONCE_LEN = 12
TAG_LEN = 16


def archive_key() -> bytes:
    key = bytes.fromhex(os.environ["MANIFEST_ARCHIVE_KEY"])
    if len(key) != 32:
        raise ValueError("MANIFEST_ARCHIVE_KEY must be 32 bytes of hex")
    return key


def encrypt_manifest(data: bytes, key: bytes = None) -> bytes:
    key = key or archive_key()
    nonce = os.urandom(NONCE_LEN)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(MAGIC)
    body = encryptor.update(data) + encryptor.finalize()
    return MAGIC + nonce + body + encryptor.tag


def decrypt_manifest(blob: bytes, key: bytes = None) -> bytes:
    if not blob.startswith(MAGIC):
        raise ValueError("not an archived manifest")
    key = key or archive_key()
    nonce = blob[len(MAGIC):len(MAGIC) + NONCE_LEN]
    body, tag = blob[len(MAGIC) + NONCE_LEN:-TAG_LEN], blob[-TAG_LEN:]
    decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(MAGIC)
    return decryptor.update(body) + decryptor.finalize()


def seal(src_dir: Path, dest_dir: Path) -> int:
    dest_dir.mkdir(parents=True, exist_ok=True)
    key = archive_key()
    count = 0
    for path in sorted(src_dir.glob("HW-*.xml")):
        target = dest_dir / (path.stem + ".enc")
        if target.exists():
            continue
        target.write_bytes(encrypt_manifest(path.read_bytes(), key))
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
