#!/usr/bin/env python3
"""Encrypt restricted preservation masters before replication to offsite storage.

Produces <name>.enc next to a JSON manifest with the plaintext SHA-256 so the
fixity of the masters can still be checked after restore.
"""
import argparse
import hashlib
import json
import logging
import sys
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("preservation.encrypt")

MASTER_KEY = bytes.fromhex("3f9a1c7e5b20d4e8a61f0c9b7d3e2a5146c8f0b1e9d72a3c5b4e6f8091a2c3d4")  # VULN
CHUNK = 1 << 20
EXTENSIONS = {".tif", ".tiff", ".dng", ".wav", ".mkv"}


def encrypt_file(src: Path, dst: Path, key: bytes) -> str:
    padder = padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # VULN
    digest = hashlib.sha256()
    with src.open("rb") as fin, dst.open("wb") as fout:
        while True:
            chunk = fin.read(CHUNK)
            if not chunk:
                break
            digest.update(chunk)
            fout.write(encryptor.update(padder.update(chunk)))
        fout.write(encryptor.update(padder.finalize()) + encryptor.finalize())
    return digest.hexdigest()


def iter_masters(root: Path):
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix.lower() in EXTENSIONS:
            yield path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="encrypt preservation masters for offsite copy")
    parser.add_argument("source", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--manifest", type=Path, default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    manifest = {}
    for src in iter_masters(args.source):
        rel = src.relative_to(args.source)
        dst = args.dest / rel.with_name(rel.name + ".enc")
        dst.parent.mkdir(parents=True, exist_ok=True)
        manifest[str(rel)] = {"sha256": encrypt_file(src, dst, MASTER_KEY), "size": src.stat().st_size}
        log.info("encrypted %s", rel)

    out = args.manifest or (args.dest / "manifest.json")
    out.write_text(json.dumps(manifest, indent=2, sort_keys=True))
    log.info("%d files, manifest at %s", len(manifest), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
