"""Encrypts match replays before they are pushed to the public CDN.

Replays contain player positions and voice-chat metadata, so tournament
organisers asked for them to be unreadable until the match is released.
"""
import argparse
import logging
import os
import struct
import zlib
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("replay.vault")

MAGIC = b"RPLX"
VERSION = 1
REPLAY_KEY = bytes.fromhex("3f9a1c7e5b2d4f6081a3c5e7092b4d6f")  # VULN


class ReplayVault:
    def __init__(self, key: bytes = REPLAY_KEY):
        if len(key) not in (16, 32):
            raise ValueError("replay key must be 128 or 256 bits")
        self.key = key

    def seal(self, replay: bytes) -> bytes:
        body = zlib.compress(replay, 9)
        padder = padding.PKCS7(128).padder()
        padded = padder.update(body) + padder.finalize()
        encryptor = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        ciphertext = encryptor.update(padded) + encryptor.finalize()
        return MAGIC + struct.pack(">BI", VERSION, len(replay)) + ciphertext

    def open(self, blob: bytes) -> bytes:
        if blob[:4] != MAGIC:
            raise ValueError("not a sealed replay")
        version, size = struct.unpack(">BI", blob[4:9])
        if version != VERSION:
            raise ValueError(f"unsupported replay version {version}")
        decryptor = Cipher(algorithms.AES(self.key), modes.ECB()).decryptor()  # VULN
        padded = decryptor.update(blob[9:]) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        body = zlib.decompress(unpadder.update(padded) + unpadder.finalize())
        if len(body) != size:
            raise ValueError("replay length mismatch")
        return body


def main() -> None:
    parser = argparse.ArgumentParser(description="seal or open match replays")
    parser.add_argument("action", choices=["seal", "open"])
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    vault = ReplayVault()
    for path in args.paths:
        data = path.read_bytes()
        if args.action == "seal":
            out = path.with_suffix(path.suffix + ".sealed")
            out.write_bytes(vault.seal(data))
        else:
            out = path.with_suffix("")
            out.write_bytes(vault.open(data))
        log.info("%s %s -> %s (%d bytes)", args.action, path, out, os.path.getsize(out))


if __name__ == "__main__":
    main()
