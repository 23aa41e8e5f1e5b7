"""Encrypt/decrypt controller firmware images for distribution to the lines.

Images are encrypted before they are put on the shared engineering drive,
and decrypted by the flashing station just before download to the PLC.
"""
import argparse
import hashlib
import os
import struct
import sys
from pathlib import Path

from Crypto.Cipher import AES

MAGIC = b"FWE2"
KEY_FILE = Path(os.environ.get("FW_KEY_FILE", "/etc/fwtool/firmware.key"))


def _load_key() -> bytes:
    key = KEY_FILE.read_bytes().strip()
    key = bytes.fromhex(key.decode())
    if len(key) not in (16, 32):
        raise ValueError("firmware key must be 128 or 256 bit")
    return key


def _cipher(nonce=None):
    return AES.new(_load_key(), AES.MODE_GCM, nonce=nonce)


def encrypt_image(data: bytes) -> bytes:
    digest = hashlib.sha256(data).digest()
    cipher = _cipher()
    header = MAGIC + struct.pack(">I", len(data)) + digest
    cipher.update(header)
    body, tag = cipher.encrypt_and_digest(data)
    return header + cipher.nonce + tag + body


def decrypt_image(blob: bytes) -> bytes:
    if blob[:4] != MAGIC:
        raise ValueError("not an encrypted firmware image")
    header = blob[:40]
    (length,) = struct.unpack(">I", blob[4:8])
    digest = blob[8:40]
    nonce, tag = blob[40:56], blob[56:72]
    cipher = _cipher(nonce)
    cipher.update(header)
    data = cipher.decrypt_and_verify(blob[72:], tag)
    if len(data) != length or hashlib.sha256(data).digest() != digest:
        raise ValueError("image corrupted")
    return data


def main(argv=None):
    p = argparse.ArgumentParser(description="firmware image crypto tool")
    sub = p.add_subparsers(dest="cmd", required=True)
    for name in ("encrypt", "decrypt"):
        sp = sub.add_parser(name)
        sp.add_argument("src", type=Path)
        sp.add_argument("dst", type=Path)
    args = p.parse_args(argv)

    blob = args.src.read_bytes()
    try:
        out = encrypt_image(blob) if args.cmd == "encrypt" else decrypt_image(blob)
    except ValueError as exc:
        print("error: %s" % exc, file=sys.stderr)
        return 1
    args.dst.write_bytes(out)
    print("%s: %s -> %s (%d bytes)" % (args.cmd, args.src, args.dst, len(out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
