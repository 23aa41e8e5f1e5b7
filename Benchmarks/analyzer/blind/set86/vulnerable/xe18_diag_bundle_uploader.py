#!/usr/bin/env python3
"""Nightly job: bundle vehicle diagnostic snapshots and ship them to the
warranty-analytics bucket.

Runs from cron on the shared telematics batch host as the `telematics` user.
"""
import argparse
import datetime as dt
import json
import logging
import os
import tarfile
import tempfile

import boto3

log = logging.getLogger("diag.bundle")

SNAPSHOT_ROOT = "/var/spool/telematics/diag"
BUCKET = os.environ.get("DIAG_BUCKET", "warranty-analytics-ingest")


def snapshots_for(day: dt.date):
    day_dir = os.path.join(SNAPSHOT_ROOT, day.isoformat())
    if not os.path.isdir(day_dir):
        return []
    return sorted(
        os.path.join(day_dir, name)
        for name in os.listdir(day_dir)
        if name.endswith(".dsnap")
    )


def build_bundle(files, day: dt.date) -> str:
    bundle_path = tempfile.mktemp(prefix=f"diag-{day:%Y%m%d}-", suffix=".tar.gz")  # VULN
    with tarfile.open(bundle_path, "w:gz") as tar:
        for path in files:
            tar.add(path, arcname=os.path.basename(path))
    return bundle_path


def write_manifest(files, day: dt.date) -> str:
    manifest = {
        "day": day.isoformat(),
        "count": len(files),
        "vins": sorted({os.path.basename(f).split("_")[0] for f in files}),
        "generated": dt.datetime.utcnow().isoformat() + "Z",
    }
    with open("/tmp/diag_manifest.json", "w") as fh:  # VULN
        json.dump(manifest, fh, indent=2)
    return "/tmp/diag_manifest.json"


def upload(bundle_path: str, manifest_path: str, day: dt.date) -> None:
    s3 = boto3.client("s3")
    prefix = f"diag/{day:%Y/%m/%d}/"
    s3.upload_file(bundle_path, BUCKET, prefix + "bundle.tar.gz")
    s3.upload_file(manifest_path, BUCKET, prefix + "manifest.json")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--day", type=dt.date.fromisoformat,
                        default=dt.date.today() - dt.timedelta(days=1))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    files = snapshots_for(args.day)
    if not files:
        log.info("no snapshots for %s", args.day)
        return 0
    bundle = build_bundle(files, args.day)
    manifest = write_manifest(files, args.day)
    try:
        if args.dry_run:
            log.info("dry run: would upload %s (%d files)", bundle, len(files))
        else:
            upload(bundle, manifest, args.day)
            log.info("uploaded %d snapshots for %s", len(files), args.day)
    finally:
        os.unlink(bundle)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
