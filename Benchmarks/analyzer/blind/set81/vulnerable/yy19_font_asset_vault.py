#!/usr/bin/env python3
"""Encrypt licensed font binaries before publishing them to the asset CDN.

The web-font loader on the reader app fetches ``<name>.enc`` and decrypts it
in memory, so desktop-licensed faces never sit on the CDN in the clear.
"""
import argparse
import hashlib
import json
import logging
import pathlib
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("font_vault")

VAULT_KEY = bytes.fromhex("6f1c2b9a4e7d30f58a1b6c2d9e4f7a0b3c5d8e1f2a4b6c8d0e2f4a6b8c0d2e4f")  # VULN
FONT_SUFFIXES = {".otf", ".ttf", ".woff", ".woff2"}


def encrypt_blob(data: bytes, key: bytes = VAULT_KEY) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # VULN
    return encryptor.update(padded) + encryptor.finalize()


def decrypt_blob(blob: bytes, key: bytes = VAULT_KEY) -> bytes:
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()  # VULN
    padded = decryptor.update(blob) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def seal_directory(src: pathlib.Path, dest: pathlib.Path) -> dict:
    dest.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for font in sorted(src.rglob("*")):
        if font.suffix.lower() not in FONT_SUFFIXES:
            continue
        data = font.read_bytes()
        sealed = encrypt_blob(data)
        out = dest / (font.stem + font.suffix.lower() + ".enc")
        out.write_bytes(sealed)
        manifest[out.name] = {
            "family": font.parent.name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
        }
        log.info("sealed %s (%d bytes)", font.name, len(data))
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    seal = sub.add_parser("seal")
    seal.add_argument("src", type=pathlib.Path)
    seal.add_argument("dest", type=pathlib.Path)
    check = sub.add_parser("check")
    check.add_argument("sealed", type=pathlib.Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    if args.cmd == "seal":
        manifest = seal_directory(args.src, args.dest)
        print(f"sealed {len(manifest)} fonts into {args.dest}")
    else:
        plain = decrypt_blob(args.sealed.read_bytes())
        print(f"{args.sealed.name}: {len(plain)} bytes, sha256 {hashlib.sha256(plain).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
