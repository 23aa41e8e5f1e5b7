#!/usr/bin/env python3
"""Encrypt / decrypt drawing packages before they are pushed to the offsite
archive bucket."""
import argparse
import base64
import logging
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("drawing-vault")

MAGIC = b"DVLT2"
VAULT_KEY = base64.b64decode(
    os.environ["DRAWING_VAULT_KEY_B64"]
)


def encrypt_drawing(data: bytes, key: bytes = VAULT_KEY) -> bytes:
    nonce = os.urandom(12)
    enc = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    body = enc.update(data) + enc.finalize()
    return MAGIC + nonce + enc.tag + body


def decrypt_drawing(blob: bytes, key: bytes = VAULT_KEY) -> bytes:
    if not blob.startswith(MAGIC):
        raise ValueError("not a vault file")
    header = len(MAGIC)
    nonce, tag = blob[header:header + 12], blob[header + 12:header + 28]
    dec = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
    return dec.update(blob[header + 28:]) + dec.finalize()


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
