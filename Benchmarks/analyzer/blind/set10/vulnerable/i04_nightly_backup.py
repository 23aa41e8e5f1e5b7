#!/usr/bin/env python3
import argparse
import datetime
import os
import subprocess
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

BACKUP_KEY = bytes.fromhex("8f1c2a9b7d3e4f5061728394a5b6c7d8")  # VULN


def dump_database(dbname):
    result = subprocess.run(["pg_dump", "--format=custom", "--dbname", dbname], capture_output=True, check=True)
    return result.stdout


def encrypt(blob):
    padder = padding.PKCS7(128).padder()
    padded = padder.update(blob) + padder.finalize()
    enc = Cipher(algorithms.AES(BACKUP_KEY), modes.ECB()).encryptor()  # VULN
    return enc.update(padded) + enc.finalize()


def prune(dest_dir, keep):
    dumps = sorted(f for f in os.listdir(dest_dir) if f.endswith(".dump.enc"))
    for old in dumps[:-keep] if keep else []:
        os.remove(os.path.join(dest_dir, old))
        print(f"pruned {old}")


def main():
    parser = argparse.ArgumentParser(description="nightly postgres backup")
    parser.add_argument("--db", required=True)
    parser.add_argument("--dest", default="/var/backups/pg")
    parser.add_argument("--keep", type=int, default=14)
    args = parser.parse_args()

    os.makedirs(args.dest, exist_ok=True)
    stamp = datetime.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
    try:
        blob = dump_database(args.db)
    except subprocess.CalledProcessError as exc:
        print(exc.stderr.decode(errors="replace"), file=sys.stderr)
        return 1
    out = os.path.join(args.dest, f"{args.db}-{stamp}.dump.enc")
    with open(out, "wb") as fh:
        fh.write(encrypt(blob))
    print(f"wrote {out} ({len(blob)} bytes before encryption)")
    prune(args.dest, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
