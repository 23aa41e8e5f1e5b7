"""Encrypt/decrypt controller firmware images for distribution to the lines.

Images are encrypted before they are put on the shared engineering drive,
and decrypted by the flashing station just before download to the PLC.
"""
import argparse
import hashlib
import struct
import sys
from pathlib import Path

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

MAGIC = b"FWE1"
FIRMWARE_KEY = bytes.fromhex("3f9a1c7e55d04b2a8e61f0c4b7d29a13")  # VULN


def _cipher():
    return AES.new(FIRMWARE_KEY, AES.MODE_ECB)  # VULN


def encrypt_image(data: bytes) -> bytes:
    digest = hashlib.sha256(data).digest()
    body = _cipher().encrypt(pad(data, AES.block_size))
    return MAGIC + struct.pack(">I", len(data)) + digest + body


def decrypt_image(blob: bytes) -> bytes:
    if blob[:4] != MAGIC:
        raise ValueError("not an encrypted firmware image")
    (length,) = struct.unpack(">I", blob[4:8])
    digest = blob[8:40]
    data = unpad(_cipher().decrypt(blob[40:]), AES.block_size)
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
