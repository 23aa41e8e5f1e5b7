"""Encrypt wholesale price sheets before they are posted to the distributor SFTP share."""
import argparse
import base64
import json
import logging
import os
from pathlib import Path

from Crypto.Cipher import AES

log = logging.getLogger("pricesheets")

PRICE_SHEET_KEY = base64.b64decode(os.environ["PRICE_SHEET_KEY"])
ENVELOPE_VERSION = 2


def encrypt_sheet(data: bytes) -> bytes:
    cipher = AES.new(PRICE_SHEET_KEY, AES.MODE_GCM)
    body, tag = cipher.encrypt_and_digest(data)
    envelope = {
        "v": ENVELOPE_VERSION,
        "nonce": base64.b64encode(cipher.nonce).decode("ascii"),
        "tag": base64.b64encode(tag).decode("ascii"),
        "body": base64.b64encode(body).decode("ascii"),
    }
    return json.dumps(envelope).encode("utf-8")


def decrypt_sheet(blob: bytes) -> bytes:
    envelope = json.loads(blob)
    if envelope.get("v") != ENVELOPE_VERSION:
        raise ValueError("unsupported envelope version")
    cipher = AES.new(PRICE_SHEET_KEY, AES.MODE_GCM, nonce=base64.b64decode(envelope["nonce"]))
    return cipher.decrypt_and_verify(base64.b64decode(envelope["body"]), base64.b64decode(envelope["tag"]))


def encrypt_dir(src: Path, dest: Path) -> int:
    dest.mkdir(parents=True, exist_ok=True)
    count = 0
    for sheet in sorted(src.glob("*.csv")):
        out = dest / (sheet.name + ".enc")
        out.write_bytes(encrypt_sheet(sheet.read_bytes()))
        log.info("encrypted %s -> %s", sheet.name, out.name)
        count += 1
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="encrypt/decrypt distributor price sheets")
    sub = parser.add_subparsers(dest="cmd", required=True)
    enc = sub.add_parser("encrypt")
    enc.add_argument("src", type=Path)
    enc.add_argument("dest", type=Path)
    dec = sub.add_parser("decrypt")
    dec.add_argument("file", type=Path)
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO)
    if args.cmd == "encrypt":
        n = encrypt_dir(args.src, args.dest)
        log.info("%d sheet(s) encrypted", n)
    else:
        print(decrypt_sheet(args.file.read_bytes()).decode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
