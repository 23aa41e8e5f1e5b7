"""Encrypts SEG-Y seismic survey files before they are shipped to the offsite
tape archive, and decrypts them on restore."""
import argparse
import hashlib
import json
import logging
import os
import pathlib
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("seis_archive")

KEY_FILE = os.environ.get("SEIS_ARCHIVE_KEY_FILE", "/etc/seis-archive/archive.key")
SUFFIX = ".segy.enc"
NONCE_LEN = 12


def load_key(path: str = KEY_FILE) -> bytes:
    key = bytes.fromhex(pathlib.Path(path).read_text().strip())
    if len(key) != 32:
        raise ValueError("archive key must be 256 bits")
    return key


def _cipher(key: bytes) -> AESGCM:
    return AESGCM(key)


def encrypt_blob(data: bytes, key: bytes) -> bytes:
    nonce = os.urandom(NONCE_LEN)
    return nonce + _cipher(key).encrypt(nonce, data, b"segy-archive-v2")


def decrypt_blob(blob: bytes, key: bytes) -> bytes:
    nonce, ct = blob[:NONCE_LEN], blob[NONCE_LEN:]
    return _cipher(key).decrypt(nonce, ct, b"segy-archive-v2")


def encrypt_dir(src: pathlib.Path, dst: pathlib.Path, key: bytes) -> dict:
    dst.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for path in sorted(src.glob("*.sgy")):
        data = path.read_bytes()
        out = dst / (path.stem + SUFFIX)
        out.write_bytes(encrypt_blob(data, key))
        manifest[path.name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        log.info("encrypted %s (%d MB)", path.name, len(data) // 2**20)
    (dst / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def restore_dir(src: pathlib.Path, dst: pathlib.Path, key: bytes) -> int:
    dst.mkdir(parents=True, exist_ok=True)
    manifest = json.loads((src / "manifest.json").read_text())
    bad = 0
    for path in sorted(src.glob("*" + SUFFIX)):
        data = decrypt_blob(path.read_bytes(), key)
        name = path.name[: -len(SUFFIX)] + ".sgy"
        if hashlib.sha256(data).hexdigest() != manifest.get(name, {}).get("sha256"):
            log.error("checksum mismatch for %s", name)
            bad += 1
            continue
        (dst / name).write_bytes(data)
    return bad


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="SEG-Y archive encryption")
    ap.add_argument("action", choices=["encrypt", "restore"])
    ap.add_argument("src", type=pathlib.Path)
    ap.add_argument("dst", type=pathlib.Path)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    key = load_key()
    if args.action == "encrypt":
        encrypt_dir(args.src, args.dst, key)
        return 0
    return 1 if restore_dir(args.src, args.dst, key) else 0


if __name__ == "__main__":
    sys.exit(main())
