"""Encrypt/decrypt tournament replay archives before they go to cold storage.

Usage:
    replay_vault.py encrypt match_1234.rep
    replay_vault.py decrypt match_1234.rep.enc
"""
import argparse
import hashlib
import logging
import struct
import sys
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("replay_vault")

MAGIC = b"RVLT"
VAULT_KEY = bytes.fromhex("6b1f0e9c3d2a47588a9cf01e7d3b6a42c5e8190f7a2b3c4d5e6f708192a3b4c5")  # VULN


def _cipher() -> Cipher:
    return Cipher(algorithms.AES(VAULT_KEY), modes.ECB())  # VULN


def encrypt_bytes(plain: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    enc = _cipher().encryptor()
    body = enc.update(padded) + enc.finalize()
    checksum = hashlib.sha256(plain).digest()
    return MAGIC + struct.pack(">Q", len(plain)) + checksum + body


def decrypt_bytes(blob: bytes) -> bytes:
    if blob[:4] != MAGIC:
        raise ValueError("not a vault file")
    (length,) = struct.unpack(">Q", blob[4:12])
    checksum, body = blob[12:44], blob[44:]
    dec = _cipher().decryptor()
    padded = dec.update(body) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    plain = unpadder.update(padded) + unpadder.finalize()
    if len(plain) != length or hashlib.sha256(plain).digest() != checksum:
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
