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

from cryptography.hazmat.primitives.ciphers.aead import AESSIV

ASSOCIATED_DATA = [b"registry-id-blinding-v2"]


def load_key() -> bytes:
    key = base64.b64decode(os.environ["BLINDING_KEY"])
    if len(key) not in (32, 48, 64):
        raise SystemExit("BLINDING_KEY must decode to a 256/384/512-bit AES-SIV key")
    return key


class Blinder:
    def __init__(self, key: bytes):
        self._cipher = AESSIV(key)

    def blind(self, reg_id: str) -> str:
        data = reg_id.encode("utf-8")
        ct = self._cipher.encrypt(data, ASSOCIATED_DATA)
        return "BX-" + base64.urlsafe_b64encode(ct).decode("ascii").rstrip("=")

    def unblind(self, token: str) -> str:
        raw = token[3:] if token.startswith("BX-") else token
        ct = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
        return self._cipher.decrypt(ct, ASSOCIATED_DATA).decode("utf-8")


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
