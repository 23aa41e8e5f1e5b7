#!/usr/bin/env python3
"""Nightly ERP/MES database backup with rotation to S3 for the Kessler plant."""
import argparse
import datetime as dt
import logging
import os
import subprocess
import tempfile

import boto3

BUCKET = "kessler-mfg-erp-backups"
DB_HOST = "erp-db.internal.kessler-mfg.com"
DB_USER = "backup_agent"
DB_PASSWORD = os.environ["ERP_BACKUP_DB_PASSWORD"]
DATABASES = ["erp_production", "mes_production"]
RETENTION_DAYS = 14

log = logging.getLogger("backup_rotation")


def dump_database(name):
    fd, dump_path = tempfile.mkstemp(prefix=f"{name}-", suffix=".dump")
    os.close(fd)
    env = {**os.environ, "PGPASSWORD": DB_PASSWORD}
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", "-h", DB_HOST, "-U", DB_USER, f"--file={dump_path}", name],
        check=True,
        env=env,
        timeout=3 * 3600,
    )
    return dump_path


def upload(s3, dump_path, name, stamp):
    key = f"{name}/{stamp}.dump"
    s3.upload_file(dump_path, BUCKET, key, ExtraArgs={"ServerSideEncryption": "aws:kms"})
    log.info("uploaded s3://%s/%s", BUCKET, key)
    return key


def rotate(s3, name, now):
    cutoff = now - dt.timedelta(days=RETENTION_DAYS)
    paginator = s3.get_paginator("list_objects_v2")
    expired = []
    for page in paginator.paginate(Bucket=BUCKET, Prefix=f"{name}/"):
        for obj in page.get("Contents", []):
            if obj["LastModified"] < cutoff:
                expired.append({"Key": obj["Key"]})
    for start in range(0, len(expired), 1000):
        s3.delete_objects(Bucket=BUCKET, Delete={"Objects": expired[start:start + 1000]})
    return len(expired)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-rotation", action="store_true")
    parser.add_argument("databases", nargs="*", default=DATABASES)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    s3 = boto3.client("s3")
    now = dt.datetime.now(dt.timezone.utc)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    for name in args.databases:
        if name not in DATABASES:
            parser.error(f"unknown database {name!r}")
        dump_path = dump_database(name)
        try:
            upload(s3, dump_path, name, stamp)
        finally:
            os.remove(dump_path)
        if not args.skip_rotation:
            log.info("removed %d expired backups for %s", rotate(s3, name, now), name)


if __name__ == "__main__":
    main()
