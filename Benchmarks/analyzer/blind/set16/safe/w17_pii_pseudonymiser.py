#!/usr/bin/env python3
"""Encrypt PII columns in partner CSV drops before they land in the data lake."""
import argparse
import base64
import csv
import hashlib
import json
import logging
import os
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("pii-vault")
FIELD_KEY = base64.b64decode(os.environ["PII_FIELD_KEY_B64"])
PII_COLUMNS = {"email", "phone", "national_id", "full_name", "street"}


def encrypt_field(value, column):
    nonce = os.urandom(12)
    sealed = AESGCM(FIELD_KEY).encrypt(nonce, value.encode("utf-8"), column.encode("ascii"))
    return base64.b64encode(nonce + sealed).decode("ascii")


def pseudonymise(src, dst):
    rows = 0
    with open(src, newline="", encoding="utf-8") as fin, open(dst, "w", newline="", encoding="utf-8") as fout:
        reader = csv.DictReader(fin)
        writer = csv.DictWriter(fout, fieldnames=reader.fieldnames)
        writer.writeheader()
        for row in reader:
            for col in PII_COLUMNS.intersection(row):
                if row[col]:
                    row[col] = encrypt_field(row[col].strip(), col)
            writer.writerow(row)
            rows += 1
    return rows


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("drop_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    args.out_dir.mkdir(parents=True, exist_ok=True)

    manifest = {}
    for src in sorted(args.drop_dir.glob("*.csv")):
        dst = args.out_dir / src.name
        rows = pseudonymise(src, dst)
        manifest[src.name] = {"rows": rows, "sha256": sha256_file(dst)}
        log.info("%r: %d rows", src.name, rows)
    (args.out_dir / "MANIFEST.json").write_text(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
