"""Encrypts SEG-Y seismic survey files before they are shipped to the offsite
tape archive, and decrypts them on restore."""
import argparse
import hashlib
import json
import logging
import pathlib
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("seis_archive")

ARCHIVE_KEY = bytes.fromhex("6f1c2a9e4b7d3f80a5c6e1d2b3f4a5968778695a4b3c2d1e0f1a2b3c4d5e6f70")  # VULN
SUFFIX = ".segy.enc"


def _cipher(key: bytes) -> Cipher:
    return Cipher(algorithms.AES(key), modes.ECB())  # VULN


def encrypt_blob(data: bytes, key: bytes = ARCHIVE_KEY) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    enc = _cipher(key).encryptor()
    return enc.update(padded) + enc.finalize()


def decrypt_blob(blob: bytes, key: bytes = ARCHIVE_KEY) -> bytes:
    dec = _cipher(key).decryptor()
    padded = dec.update(blob) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def encrypt_dir(src: pathlib.Path, dst: pathlib.Path) -> dict:
    dst.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for path in sorted(src.glob("*.sgy")):
        data = path.read_bytes()
        out = dst / (path.stem + SUFFIX)
        out.write_bytes(encrypt_blob(data))
        manifest[path.name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        log.info("encrypted %s (%d MB)", path.name, len(data) // 2**20)
    (dst / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def restore_dir(src: pathlib.Path, dst: pathlib.Path) -> int:
    dst.mkdir(parents=True, exist_ok=True)
    manifest = json.loads((src / "manifest.json").read_text())
    bad = 0
    for path in sorted(src.glob("*" + SUFFIX)):
        data = decrypt_blob(path.read_bytes())
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
    if args.action == "encrypt":
        encrypt_dir(args.src, args.dst)
        return 0
    return 1 if restore_dir(args.src, args.dst) else 0


if __name__ == "__main__":
    sys.exit(main())
