"""Encrypt wholesale price sheets before they are posted to the distributor SFTP share."""
import argparse
import base64
import json
import logging
from pathlib import Path

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

log = logging.getLogger("pricesheets")

PRICE_SHEET_KEY = b"Dist-Pr1ce-Key!!"  # VULN
ENVELOPE_VERSION = 1


def encrypt_sheet(data: bytes) -> bytes:
    cipher = AES.new(PRICE_SHEET_KEY, AES.MODE_ECB)  # VULN
    body = cipher.encrypt(pad(data, AES.block_size))
    envelope = {"v": ENVELOPE_VERSION, "body": base64.b64encode(body).decode("ascii")}
    return json.dumps(envelope).encode("utf-8")


def decrypt_sheet(blob: bytes) -> bytes:
    envelope = json.loads(blob)
    if envelope.get("v") != ENVELOPE_VERSION:
        raise ValueError("unsupported envelope version")
    cipher = AES.new(PRICE_SHEET_KEY, AES.MODE_ECB)  # VULN
    return unpad(cipher.decrypt(base64.b64decode(envelope["body"])), AES.block_size)


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
