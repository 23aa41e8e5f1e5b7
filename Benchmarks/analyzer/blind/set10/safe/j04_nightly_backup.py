#!/usr/bin/env python3
import argparse
import datetime
import os
import subprocess
import sys
import tempfile

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def load_key():
    path = os.environ.get("BACKUP_KEY_FILE", "/etc/pg-backup/key")
    with open(path, "rb") as fh:
        key = fh.read()
    if len(key) != 32:
        sys.exit("backup key must be exactly 32 bytes")
    return key


def dump_database(dbname):
    result = subprocess.run(["pg_dump", "--format=custom", "--dbname", dbname], capture_output=True, check=True)
    return result.stdout


def encrypt(key, blob, label):
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, blob, label.encode())


def write_private(dest_dir, name, data):
    fd, tmp = tempfile.mkstemp(dir=dest_dir, prefix=".partial-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o600)
        final = os.path.join(dest_dir, name)
        os.replace(tmp, final)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return final


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

    os.makedirs(args.dest, mode=0o700, exist_ok=True)
    key = load_key()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    try:
        blob = dump_database(args.db)
    except subprocess.CalledProcessError as exc:
        print(exc.stderr.decode(errors="replace"), file=sys.stderr)
        return 1
    name = f"{args.db}-{stamp}.dump.enc"
    out = write_private(args.dest, name, encrypt(key, blob, name))
    print(f"wrote {out} ({len(blob)} bytes before encryption)")
    prune(args.dest, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
