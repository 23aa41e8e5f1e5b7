"""Encrypt release manifests before they are pushed to the public mirror bucket.

Download agents hold the same key and decrypt the manifest to learn which
artifacts (and which checksums) belong to a release.
"""
import argparse
import base64
import json
import logging
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("release.manifest")

NONCE_LEN = 12
TAG_LEN = 16


def load_manifest_key() -> bytes:
    key = base64.b64decode(os.environ["RELEASE_MANIFEST_KEY"])
    if len(key) != 32:
        raise ValueError("RELEASE_MANIFEST_KEY must be 32 bytes (base64)")
    return key


def _cipher(key: bytes, nonce: bytes, tag: bytes = None) -> Cipher:
    return Cipher(algorithms.AES(key), modes.GCM(nonce, tag))


def encrypt_manifest(manifest: dict, key: bytes) -> bytes:
    data = json.dumps(manifest, sort_keys=True).encode("utf-8")
    nonce = os.urandom(NONCE_LEN)
    encryptor = _cipher(key, nonce).encryptor()
    ciphertext = encryptor.update(data) + encryptor.finalize()
    return nonce + ciphertext + encryptor.tag


def decrypt_manifest(blob: bytes, key: bytes) -> dict:
    nonce, ciphertext, tag = blob[:NONCE_LEN], blob[NONCE_LEN:-TAG_LEN], blob[-TAG_LEN:]
    decryptor = _cipher(key, nonce, tag).decryptor()
    data = decryptor.update(ciphertext) + decryptor.finalize()
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
    args.out.write_bytes(encrypt_manifest(manifest, load_manifest_key()))
    log.info("wrote %s with %d artifacts", args.out, len(manifest["artifacts"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
