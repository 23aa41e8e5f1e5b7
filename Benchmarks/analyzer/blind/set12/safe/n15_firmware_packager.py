#!/usr/bin/env python3
"""Packages encrypted firmware images for the smart-thermostat OTA channel."""
import argparse
import hashlib
import hmac
import json
import logging
import os
import struct
import sys
from pathlib import Path

from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes

log = logging.getLogger("ota.packager")

MAGIC = b"THRM"
FORMAT_VERSION = 3


def load_keys():
    try:
        enc_key = bytes.fromhex(os.environ["OTA_ENC_KEY"])
        sign_key = bytes.fromhex(os.environ["OTA_SIGN_KEY"])
    except KeyError as exc:
        raise SystemExit(f"missing key material: {exc}")
    if len(enc_key) not in (16, 24, 32):
        raise SystemExit("OTA_ENC_KEY must be 128, 192 or 256 bits")
    return enc_key, sign_key


def encrypt_image(image: bytes, key: bytes) -> bytes:
    nonce = get_random_bytes(12)
    cipher = AES.new(key, AES.MODE_GCM, nonce=nonce)
    ciphertext, tag = cipher.encrypt_and_digest(image)
    return nonce + tag + ciphertext


def sign_blob(blob: bytes, sign_key: bytes) -> bytes:
    return hmac.new(sign_key, blob, hashlib.sha256).digest()


def build_package(image_path: Path, version: str, enc_key: bytes, sign_key: bytes) -> bytes:
    image = image_path.read_bytes()
    ciphertext = encrypt_image(image, enc_key)
    meta = json.dumps({
        "version": version,
        "size": len(image),
        "sha256": hashlib.sha256(image).hexdigest(),
    }).encode()
    body = MAGIC + struct.pack("!BHI", FORMAT_VERSION, len(meta), len(ciphertext)) + meta + ciphertext
    return body + sign_blob(body, sign_key)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("image", type=Path)
    parser.add_argument("--version", required=True)
    parser.add_argument("--out", type=Path, default=Path("dist"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    enc_key, sign_key = load_keys()
    package = build_package(args.image, args.version, enc_key, sign_key)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"thermostat-{args.version}.ota"
    target.write_bytes(package)
    log.info("wrote %s (%d bytes)", target, len(package))
    return 0


if __name__ == "__main__":
    sys.exit(main())
