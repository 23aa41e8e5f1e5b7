#!/usr/bin/env python3
"""Encrypt licensed font binaries before publishing them to the asset CDN.

The web-font loader on the reader app fetches ``<name>.enc`` and decrypts it
in memory, so desktop-licensed faces never sit on the CDN in the clear.
"""
import argparse
import hashlib
import json
import logging
import os
import pathlib
import sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("font_vault")

VAULT_KEY = bytes.fromhex(os.environ.get("FONT_VAULT_KEY", ""))
FONT_SUFFIXES = {".otf", ".ttf", ".woff", ".woff2"}
NONCE_LEN = 12
TAG_LEN = 16


def encrypt_blob(data: bytes, key: bytes = VAULT_KEY) -> bytes:
    nonce = os.urandom(NONCE_LEN)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    body = encryptor.update(data) + encryptor.finalize()
    return nonce + body + encryptor.tag


def decrypt_blob(blob: bytes, key: bytes = VAULT_KEY) -> bytes:
    nonce, body, tag = blob[:NONCE_LEN], blob[NONCE_LEN:-TAG_LEN], blob[-TAG_LEN:]
    decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


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
    if len(VAULT_KEY) != 32:
        parser.error("FONT_VAULT_KEY must be 64 hex characters")

    if args.cmd == "seal":
        manifest = seal_directory(args.src, args.dest)
        print(f"sealed {len(manifest)} fonts into {args.dest}")
    else:
        plain = decrypt_blob(args.sealed.read_bytes())
        print(f"{args.sealed.name}: {len(plain)} bytes, sha256 {hashlib.sha256(plain).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
