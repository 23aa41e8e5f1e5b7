#!/usr/bin/env python3
"""Nightly forum backup: dump Postgres, compress, upload to the backup bucket.

Run from cron as the ``forum`` user::

    15 3 * * * /opt/forum/bin/forum_backup.py --keep 14
"""
import argparse
import gzip
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone

import boto3

log = logging.getLogger("forum.backup")

BACKUP_DIR = "/var/backups/forum"
BUCKET = os.environ.get("BACKUP_BUCKET", "forum-backups")


def dump_database(dsn: str) -> str:
    fd, tmp_path = tempfile.mkstemp(suffix=".sql", prefix="forumdump-")
    with os.fdopen(fd, "wb") as out:
        subprocess.run(["pg_dump", "--no-owner", "--dbname", dsn], stdout=out, check=True, timeout=3600)
    return tmp_path


def compress(src: str) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    os.makedirs(BACKUP_DIR, mode=0o700, exist_ok=True)
    archive_path = os.path.join(BACKUP_DIR, f"forum-{stamp}.sql.gz")
    with open(src, "rb") as fin, gzip.open(archive_path, "wb", compresslevel=6) as fout:
        shutil.copyfileobj(fin, fout)
    os.chmod(archive_path, 0o600)
    return archive_path


def upload(archive_path: str) -> None:
    s3 = boto3.client("s3")
    key = "nightly/" + os.path.basename(archive_path)
    s3.upload_file(archive_path, BUCKET, key, ExtraArgs={"ServerSideEncryption": "AES256"})
    log.info("uploaded s3://%s/%s", BUCKET, key)


def prune(keep: int) -> None:
    archives = sorted(f for f in os.listdir(BACKUP_DIR) if f.startswith("forum-"))
    for name in archives[:-keep] if keep else []:
        os.remove(os.path.join(BACKUP_DIR, name))
        log.info("pruned %s", name)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dsn", default=os.environ.get("FORUM_DSN", "postgresql:///forum"))
    parser.add_argument("--keep", type=int, default=7)
    parser.add_argument("--no-upload", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    dump = dump_database(args.dsn)
    try:
        archive = compress(dump)
    finally:
        os.remove(dump)
    if not args.no_upload:
        upload(archive)
    prune(args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
