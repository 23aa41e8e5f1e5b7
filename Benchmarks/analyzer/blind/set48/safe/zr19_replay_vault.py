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

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("replay.vault")

MAGIC = b"RPLX"
VERSION = 2
NONCE_SIZE = 12
TAG_SIZE = 16


def load_key() -> bytes:
    key_hex = os.environ.get("REPLAY_KEY_HEX", "")
    if not key_hex:
        raise RuntimeError("REPLAY_KEY_HEX is not set")
    return bytes.fromhex(key_hex)


class ReplayVault:
    def __init__(self, key: bytes):
        if len(key) not in (16, 32):
            raise ValueError("replay key must be 128 or 256 bits")
        self.key = key

    def seal(self, replay: bytes) -> bytes:
        body = zlib.compress(replay, 9)
        nonce = os.urandom(NONCE_SIZE)
        header = MAGIC + struct.pack(">BI", VERSION, len(replay))
        encryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        encryptor.authenticate_additional_data(header)
        ciphertext = encryptor.update(body) + encryptor.finalize()
        return header + nonce + ciphertext + encryptor.tag

    def open(self, blob: bytes) -> bytes:
        if blob[:4] != MAGIC:
            raise ValueError("not a sealed replay")
        version, size = struct.unpack(">BI", blob[4:9])
        if version != VERSION:
            raise ValueError(f"unsupported replay version {version}")
        nonce, ciphertext, tag = blob[9:9 + NONCE_SIZE], blob[9 + NONCE_SIZE:-TAG_SIZE], blob[-TAG_SIZE:]
        decryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(blob[:9])
        body = zlib.decompress(decryptor.update(ciphertext) + decryptor.finalize())
        if len(body) != size:
            raise ValueError("replay length mismatch")
        return body


def main() -> None:
    parser = argparse.ArgumentParser(description="seal or open match replays")
    parser.add_argument("action", choices=["seal", "open"])
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    vault = ReplayVault(load_key())
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
