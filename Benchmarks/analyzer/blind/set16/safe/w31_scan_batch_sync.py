#!/usr/bin/env python3
"""Pull customer-uploaded scan batches from S3 onto the OCR workstation."""
import argparse
import logging
import os

import boto3
from botocore.config import Config

log = logging.getLogger("scan-sync")
BUCKET = os.environ.get("SCAN_BUCKET", "acme-customer-scans")
REGION = "eu-central-1"
AWS_PROFILE = os.environ.get("SCAN_SYNC_PROFILE")


def s3_client():
    session = boto3.session.Session(profile_name=AWS_PROFILE)
    return session.client(
        "s3",
        region_name=REGION,
        config=Config(retries={"max_attempts": 5, "mode": "standard"}),
    )


def iter_keys(s3, prefix):
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=BUCKET, Prefix=prefix):
        for obj in page.get("Contents", []):
            if not obj["Key"].endswith("/"):
                yield obj["Key"], obj["Size"]


def local_path_for(dest, prefix, key):
    root = os.path.realpath(dest)
    relative = key[len(prefix):].lstrip("/")
    target = os.path.realpath(os.path.join(root, relative))
    if not target.startswith(root + os.sep):
        raise ValueError(f"key {key!r} resolves outside {root}")
    return target


def sync(prefix, dest, dry_run=False):
    s3 = s3_client()
    fetched = 0
    for key, size in iter_keys(s3, prefix):
        try:
            target = local_path_for(dest, prefix, key)
        except ValueError as exc:
            log.warning("skipping: %s", exc)
            continue
        if os.path.exists(target) and os.path.getsize(target) == size:
            continue
        if dry_run:
            log.info("would fetch %r (%d bytes)", key, size)
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        s3.download_file(BUCKET, key, target)
        fetched += 1
    return fetched


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("customer", help="customer id, used as the key prefix")
    parser.add_argument("--dest", default=os.path.expanduser("~/ocr/inbox"))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    prefix = f"uploads/{args.customer}/"
    count = sync(prefix, os.path.join(args.dest, args.customer), args.dry_run)
    log.info("fetched %d new file(s) for %r", count, args.customer)


if __name__ == "__main__":
    main()
