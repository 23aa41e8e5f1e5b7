"""Encrypt / decrypt restricted dataset shards before staging them to object storage."""
import argparse
import logging
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"HPCSHRD2"
CHUNK = 16 * 1024 * 1024
NONCE_LEN = 12

log = logging.getLogger("shardcrypt")


def load_key() -> bytes:
    key_file = os.environ.get("SHARD_KEY_FILE", os.path.expanduser("~/.config/shardcrypt/key"))
    key = bytes.fromhex(Path(key_file).read_text().strip())
    if len(key) != 32:
        raise SystemExit("staging key must be 256 bits")
    return key


def _cipher(key: bytes) -> AESGCM:
    return AESGCM(key)


def encrypt_shard(data: bytes, key: bytes) -> bytes:
    nonce = os.urandom(NONCE_LEN)
    sealed = _cipher(key).encrypt(nonce, data, MAGIC)
    return MAGIC + nonce + sealed


def decrypt_shard(blob: bytes, key: bytes) -> bytes:
    if not blob.startswith(MAGIC):
        raise ValueError("not an encrypted shard")
    nonce = blob[len(MAGIC):len(MAGIC) + NONCE_LEN]
    try:
        return _cipher(key).decrypt(nonce, blob[len(MAGIC) + NONCE_LEN:], MAGIC)
    except Exception as exc:
        raise ValueError("authentication failed") from exc


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
    return 1 if process(args.shards, Path(args.out_dir), load_key(), args.decrypt) else 0


if __name__ == "__main__":
    sys.exit(main())
