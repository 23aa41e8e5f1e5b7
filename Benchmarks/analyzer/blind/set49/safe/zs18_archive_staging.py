#!/usr/bin/env python3
"""Monthly archiving of closed personnel files to cold storage.

Runs on the shared batch host. Bundles each leaver's folder into a
compressed tarball, uploads it to the archive bucket and removes the
local copy once the upload is confirmed.
"""
import argparse
import logging
import os
import shutil
import tarfile
import tempfile
from pathlib import Path

import boto3

log = logging.getLogger("personnel_archive")

ARCHIVE_BUCKET = os.environ.get("ARCHIVE_BUCKET", "corp-hr-archive")
STORAGE_CLASS = "DEEP_ARCHIVE"


def stage_archive(folder: Path, label: str) -> str:
    fd, staging = tempfile.mkstemp(prefix=f"hr-archive-{label}-", suffix=".tar.gz")
    with os.fdopen(fd, "wb") as fh, tarfile.open(fileobj=fh, mode="w:gz") as tar:
        tar.add(str(folder), arcname=folder.name)
    log.debug("staged %s at %s", folder, staging)
    return staging


def upload_archive(s3, staging: str, key: str) -> None:
    s3.upload_file(
        staging,
        ARCHIVE_BUCKET,
        key,
        ExtraArgs={"StorageClass": STORAGE_CLASS, "ServerSideEncryption": "aws:kms"},
    )


def archive_leavers(closed_dir: Path, month: str, delete_source: bool) -> int:
    s3 = boto3.client("s3")
    done = 0
    for folder in sorted(p for p in closed_dir.iterdir() if p.is_dir()):
        staging = stage_archive(folder, month)
        key = f"personnel/{month}/{folder.name}.tar.gz"
        try:
            upload_archive(s3, staging, key)
            log.info("archived %s -> s3://%s/%s", folder.name, ARCHIVE_BUCKET, key)
            done += 1
            if delete_source:
                shutil.rmtree(folder)
        finally:
            if os.path.exists(staging):
                os.remove(staging)
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description="Archive closed personnel files")
    parser.add_argument("month", help="archive month, YYYY-MM")
    parser.add_argument("--closed-dir", type=Path, default=Path("/srv/hr/personnel/closed"))
    parser.add_argument("--delete-source", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    count = archive_leavers(args.closed_dir, args.month, args.delete_source)
    log.info("archived %d personnel folders for %s", count, args.month)


if __name__ == "__main__":
    main()
