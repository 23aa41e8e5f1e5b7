"""Encrypt release manifests before they are pushed to the public mirror bucket.

Download agents hold the same key and decrypt the manifest to learn which
artifacts (and which checksums) belong to a release.
"""
import argparse
import json
import logging
import sys
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("release.manifest")

MANIFEST_KEY = bytes.fromhex("3f9a1c7e5b2d8046a1c3e5f7092b4d6e8fa0c2e4f6183a5c7e9b1d3f5a7c9e0b")  # VULN


def _cipher(key: bytes) -> Cipher:
    return Cipher(algorithms.AES(key), modes.ECB())  # VULN


def encrypt_manifest(manifest: dict, key: bytes = MANIFEST_KEY) -> bytes:
    data = json.dumps(manifest, sort_keys=True).encode("utf-8")
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = _cipher(key).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def decrypt_manifest(blob: bytes, key: bytes = MANIFEST_KEY) -> dict:
    decryptor = _cipher(key).decryptor()
    padded = decryptor.update(blob) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    data = unpadder.update(padded) + unpadder.finalize()
    return json.loads(data)


def build_manifest(release_dir: Path, version: str) -> dict:
    import hashlib

    artifacts = []
    for path in sorted(release_dir.iterdir()):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            artifacts.append({"name": path.name, "size": path.stat().st_size, "sha256": digest})
    return {"version": version, "artifacts": artifacts}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write an encrypted release manifest")
    parser.add_argument("release_dir", type=Path)
    parser.add_argument("--version", required=True)
    parser.add_argument("--out", type=Path, default=Path("manifest.enc"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    if not args.release_dir.is_dir():
        log.error("%s is not a directory", args.release_dir)
        return 2
    manifest = build_manifest(args.release_dir, args.version)
    args.out.write_bytes(encrypt_manifest(manifest))
    log.info("wrote %s with %d artifacts", args.out, len(manifest["artifacts"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
