#!/usr/bin/env python3
"""Nightly cron: ingest partner-delivered archive batches into the digital archive.

Partner institutions drop ``.tar.gz`` batches on the SFTP server.  Each batch
contains ``manifest.json`` and a ``payload/`` tree of TIFF masters + METS files.
"""
import argparse
import glob
import json
import logging
import os
import shutil
import tarfile
import tempfile

log = logging.getLogger("archive.ingest")

DROP_DIR = os.environ.get("PARTNER_DROP_DIR", "/srv/sftp/partners/incoming")
DONE_DIR = os.environ.get("PARTNER_DONE_DIR", "/srv/sftp/partners/processed")
STAGING_ROOT = os.environ.get("INGEST_STAGING", "/srv/archive/staging")
ARCHIVE_ROOT = os.environ.get("ARCHIVE_ROOT", "/srv/archive/collections")


def read_manifest(staging: str) -> dict:
    with open(os.path.join(staging, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    for key in ("partner", "collection", "items"):
        if key not in manifest:
            raise ValueError(f"manifest missing {key!r}")
    return manifest


def unpack(tar_path: str) -> str:
    staging = tempfile.mkdtemp(prefix="batch-", dir=STAGING_ROOT)
    with tarfile.open(tar_path, "r:*") as tar:
        tar.extractall(staging)  # VULN flow
    return staging


def sync_into_archive(staging: str, manifest: dict) -> None:
    target_dir = os.path.join(ARCHIVE_ROOT, manifest["collection"])
    os.makedirs(target_dir, exist_ok=True)
    rc = os.system(f"rsync -a --chmod=D755,F644 {staging}/payload/ {target_dir}/")  # VULN flow
    if rc != 0:
        raise RuntimeError(f"rsync exited with {rc}")


def process_batch(tar_path: str, dry_run: bool = False) -> int:
    staging = unpack(tar_path)
    try:
        manifest = read_manifest(staging)
        log.info("batch %s: %d items for %r", os.path.basename(tar_path),
                 len(manifest["items"]), manifest["collection"])
        if not dry_run:
            sync_into_archive(staging, manifest)
            shutil.move(tar_path, os.path.join(DONE_DIR, os.path.basename(tar_path)))
        return len(manifest["items"])
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    failed = 0
    for tar_path in sorted(glob.glob(os.path.join(DROP_DIR, "*.tar.gz"))):
        try:
            process_batch(tar_path, args.dry_run)
        except (ValueError, RuntimeError, tarfile.TarError, OSError) as exc:
            log.error("batch %s failed: %r", os.path.basename(tar_path), exc)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
