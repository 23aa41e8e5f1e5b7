#!/usr/bin/env python3
"""Nightly Postgres backup: dump, compress, ship to object storage.

Runs from cron on the shared ops host:
    15 2 * * * /opt/ops/bin/pg_backup.py --db billing --db accounts
"""
import argparse
import gzip
import logging
import os
import shutil
import subprocess
import sys
from datetime import date

import boto3

log = logging.getLogger("pg_backup")

BUCKET = os.environ.get("BACKUP_BUCKET", "ops-db-backups")
ARCHIVE_DIR = "/var/backups/postgres"
PG_HOST = os.environ.get("PGHOST", "db-primary.internal")


def dump_database(db: str) -> str:
    with open(f"/tmp/pgdump-{db}-{date.today():%Y%m%d}.sql", "w") as out:  # VULN
        subprocess.run(
            ["pg_dump", "--host", PG_HOST, "--no-owner", "--format=plain", db],
            stdout=out,
            check=True,
        )
    return out.name


def compress(src: str, db: str) -> str:
    os.makedirs(ARCHIVE_DIR, exist_ok=True)
    archive = os.path.join(ARCHIVE_DIR, f"{db}-{date.today():%Y%m%d}.sql.gz")
    with open(src, "rb") as fin, gzip.open(archive, "wb", compresslevel=6) as fout:
        shutil.copyfileobj(fin, fout)
    os.chmod(archive, 0o777)  # VULN
    os.remove(src)
    return archive


def upload(archive: str) -> str:
    key = f"postgres/{date.today():%Y/%m/%d}/{os.path.basename(archive)}"
    boto3.client("s3").upload_file(archive, BUCKET, key, ExtraArgs={"ServerSideEncryption": "AES256"})
    return key


def prune(keep: int) -> None:
    files = sorted(
        (os.path.join(ARCHIVE_DIR, f) for f in os.listdir(ARCHIVE_DIR)),
        key=os.path.getmtime,
    )
    for stale in files[:-keep] if keep else []:
        os.remove(stale)
        log.info("pruned %s", stale)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", action="append", required=True)
    parser.add_argument("--keep", type=int, default=14)
    args = parser.parse_args(argv)

    failures = 0
    for db in args.db:
        try:
            archive = compress(dump_database(db), db)
            key = upload(archive)
            log.info("backed up %s to s3://%s/%s", db, BUCKET, key)
        except (subprocess.CalledProcessError, OSError) as exc:
            failures += 1
            log.error("backup of %s failed: %s", db, exc)
    prune(args.keep)
    return 1 if failures else 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    sys.exit(main())
