#!/usr/bin/env python3
"""Blind compound identifiers before screening data is shared with a CRO.

The same registry ID must always map to the same blinded token so that
the CRO can join result files across deliveries; we keep the ability to
unblind returned files locally.
"""
import argparse
import base64
import csv
import os
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def load_key() -> bytes:
    key = base64.b64decode(os.environ["BLINDING_KEY"])
    if len(key) not in (16, 24, 32):
        raise SystemExit("BLINDING_KEY must decode to a 128/192/256-bit key")
    return key


class Blinder:
    def __init__(self, key: bytes):
        self._cipher = Cipher(algorithms.AES(key), modes.ECB())  # VULN

    def blind(self, reg_id: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(reg_id.encode("utf-8")) + padder.finalize()
        enc = self._cipher.encryptor()
        ct = enc.update(data) + enc.finalize()
        return "BX-" + base64.urlsafe_b64encode(ct).decode("ascii").rstrip("=")

    def unblind(self, token: str) -> str:
        raw = token[3:] if token.startswith("BX-") else token
        ct = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
        dec = self._cipher.decryptor()
        padded = dec.update(ct) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(padded) + unpadder.finalize()).decode("utf-8")


def rewrite(src: str, dst: str, column: str, fn) -> int:
    n = 0
    with open(src, newline="", encoding="utf-8") as fin, open(dst, "w", newline="", encoding="utf-8") as fout:
        reader = csv.DictReader(fin)
        if column not in (reader.fieldnames or []):
            raise SystemExit(f"column {column!r} not found in {src}")
        writer = csv.DictWriter(fout, fieldnames=reader.fieldnames)
        writer.writeheader()
        for row in reader:
            row[column] = fn(row[column])
            writer.writerow(row)
            n += 1
    return n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["blind", "unblind"])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--column", default="compound_id")
    args = ap.parse_args(argv)
    blinder = Blinder(load_key())
    fn = blinder.blind if args.mode == "blind" else blinder.unblind
    n = rewrite(args.src, args.dst, args.column, fn)
    print(f"{args.mode}ed {n} rows -> {args.dst}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
