#!/usr/bin/env python3
"""Nightly job: gzip application logs older than N days and ship them to S3."""
import argparse
import gzip
import logging
import os
import shutil
import time
from pathlib import Path

import boto3
from botocore.config import Config

BUCKET = "acme-prod-log-archive"
# Credentials come from the standard chain (instance profile / env / AWS_PROFILE).
AWS_PROFILE = os.environ.get("AWS_PROFILE")
log = logging.getLogger("log-archiver")


def s3_client(region):
    session = boto3.session.Session(region_name=region, profile_name=AWS_PROFILE)
    return session.client("s3", config=Config(retries={"max_attempts": 5, "mode": "standard"}))


def candidates(root, older_than_days):
    cutoff = time.time() - older_than_days * 86400
    for path in sorted(Path(root).rglob("*.log")):
        if path.is_file() and path.stat().st_mtime < cutoff:
            yield path


def compress(path):
    gz_path = path.with_suffix(path.suffix + ".gz")
    with open(path, "rb") as src, gzip.open(gz_path, "wb", compresslevel=6) as dst:
        shutil.copyfileobj(src, dst)
    return gz_path


def archive(root, days, region, dry_run=False):
    s3 = s3_client(region)
    host = os.uname().nodename
    shipped = 0
    for path in candidates(root, days):
        key = f"{host}/{path.relative_to(root)}.gz"
        if dry_run:
            log.info("would upload %s -> s3://%s/%s", path, BUCKET, key)
            continue
        gz_path = compress(path)
        s3.upload_file(str(gz_path), BUCKET, key, ExtraArgs={"ServerSideEncryption": "aws:kms"})
        gz_path.unlink()
        path.unlink()
        shipped += 1
    log.info("archived %d files from %s", shipped, root)
    return shipped


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--root", default="/var/log/app")
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--region", default="eu-west-1")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    archive(args.root, args.days, args.region, args.dry_run)


if __name__ == "__main__":
    main()
