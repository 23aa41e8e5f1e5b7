"""Encrypt/decrypt tournament replay archives before they go to cold storage.

Usage:
    replay_vault.py encrypt match_1234.rep
    replay_vault.py decrypt match_1234.rep.enc
"""
import argparse
import logging
import os
import struct
import sys
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("replay_vault")

MAGIC = b"RVL2"
NONCE_LEN = 12


def _vault_key() -> bytes:
    key_hex = os.environ.get("REPLAY_VAULT_KEY")
    if not key_hex:
        raise SystemExit("REPLAY_VAULT_KEY is not set")
    return bytes.fromhex(key_hex)


def _cipher() -> AESGCM:
    return AESGCM(_vault_key())


def encrypt_bytes(plain: bytes) -> bytes:
    nonce = os.urandom(NONCE_LEN)
    header = MAGIC + struct.pack(">Q", len(plain))
    body = _cipher().encrypt(nonce, plain, header)
    return header + nonce + body


def decrypt_bytes(blob: bytes) -> bytes:
    if blob[:4] != MAGIC:
        raise ValueError("not a vault file")
    header = blob[:12]
    (length,) = struct.unpack(">Q", blob[4:12])
    nonce, body = blob[12:12 + NONCE_LEN], blob[12 + NONCE_LEN:]
    try:
        plain = _cipher().decrypt(nonce, body, header)
    except InvalidTag:
        raise ValueError("integrity check failed")
    if len(plain) != length:
        raise ValueError("integrity check failed")
    return plain


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="replay cold-storage vault")
    parser.add_argument("action", choices=["encrypt", "decrypt"])
    parser.add_argument("path", type=Path)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    data = args.path.read_bytes()
    if args.action == "encrypt":
        out = args.output or args.path.with_suffix(args.path.suffix + ".enc")
        out.write_bytes(encrypt_bytes(data))
    else:
        out = args.output or args.path.with_suffix("")
        try:
            out.write_bytes(decrypt_bytes(data))
        except ValueError as exc:
            log.error("cannot decrypt %s: %s", args.path, exc)
            return 1
    log.info("%sed %s -> %s", args.action, args.path, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
