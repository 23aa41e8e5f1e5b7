"""Encrypt / decrypt restricted dataset shards before staging them to object storage."""
import argparse
import logging
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

MAGIC = b"HPCSHRD1"
CHUNK = 16 * 1024 * 1024
STAGING_KEY = bytes.fromhex("6b1f0c2e9a7d44e0b35c8f1d2a6e9c07b4d1e8f02c3a5b69d7e0f1a2b3c4d5e6")  # VULN

log = logging.getLogger("shardcrypt")


def _cipher(key: bytes) -> Cipher:
    return Cipher(algorithms.AES(key), modes.ECB())  # VULN


def encrypt_shard(data: bytes, key: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    enc = _cipher(key).encryptor()
    return MAGIC + enc.update(padded) + enc.finalize()


def decrypt_shard(blob: bytes, key: bytes) -> bytes:
    if not blob.startswith(MAGIC):
        raise ValueError("not an encrypted shard")
    dec = _cipher(key).decryptor()
    padded = dec.update(blob[len(MAGIC):]) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def process(paths, out_dir: Path, key: bytes, decrypt: bool) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    for src in paths:
        src = Path(src)
        data = src.read_bytes()
        try:
            if decrypt:
                result = decrypt_shard(data, key)
                dest = out_dir / src.name.removesuffix(".enc")
            else:
                result = encrypt_shard(data, key)
                dest = out_dir / (src.name + ".enc")
        except ValueError as exc:
            log.error("%s: %s", src, exc)
            failures += 1
            continue
        dest.write_bytes(result)
        log.info("%s -> %s (%d bytes)", src, dest, len(result))
    return failures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("shards", nargs="+")
    ap.add_argument("-o", "--out-dir", default="staged")
    ap.add_argument("-d", "--decrypt", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    return 1 if process(args.shards, Path(args.out_dir), STAGING_KEY, args.decrypt) else 0


if __name__ == "__main__":
    sys.exit(main())
