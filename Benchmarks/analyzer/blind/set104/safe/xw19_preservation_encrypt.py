#!/usr/bin/env python3
"""Encrypt restricted preservation masters before replication to offsite storage.

Produces <name>.enc next to a JSON manifest with the plaintext SHA-256 so the
fixity of the masters can still be checked after restore.
"""
import argparse
import hashlib
import json
import logging
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("preservation.encrypt")

KEY_FILE = os.environ.get("PRESERVATION_KEY_FILE", "/etc/preservation/offsite.key")
CHUNK = 1 << 20
EXTENSIONS = {".tif", ".tiff", ".dng", ".wav", ".mkv"}


def load_key(path: str) -> bytes:
    key = bytes.fromhex(Path(path).read_text().strip())
    if len(key) != 32:
        raise ValueError("expected a 256-bit key")
    return key


def encrypt_file(src: Path, dst: Path, key: bytes) -> str:
    nonce = os.urandom(12)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(src.name.encode("utf-8"))
    digest = hashlib.sha256()
    with src.open("rb") as fin, dst.open("wb") as fout:
        fout.write(nonce)
        while True:
            chunk = fin.read(CHUNK)
            if not chunk:
                break
            digest.update(chunk)
            fout.write(encryptor.update(chunk))
        fout.write(encryptor.finalize() + encryptor.tag)
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

    key = load_key(KEY_FILE)
    manifest = {}
    for src in iter_masters(args.source):
        rel = src.relative_to(args.source)
        dst = args.dest / rel.with_name(rel.name + ".enc")
        dst.parent.mkdir(parents=True, exist_ok=True)
        manifest[str(rel)] = {"sha256": encrypt_file(src, dst, key), "size": src.stat().st_size}
        log.info("encrypted %s", rel)

    out = args.manifest or (args.dest / "manifest.json")
    out.write_text(json.dumps(manifest, indent=2, sort_keys=True))
    log.info("%d files, manifest at %s", len(manifest), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
