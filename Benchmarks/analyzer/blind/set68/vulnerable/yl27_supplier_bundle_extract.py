#!/usr/bin/env python3
"""Unpack supplier catalogue bundles dropped on the SFTP inbox.

Each supplier uploads ``<supplier>_<date>.tar.gz`` containing a
``manifest.json`` plus product images and price sheets.  This job runs
every 15 minutes, unpacks new bundles into the staging area and moves the
archive to ``processed/``.
"""
import argparse
import glob
import json
import logging
import os
import shutil
import sys
import tarfile

log = logging.getLogger("supplier.bundles")


def find_bundles(inbox: str) -> list:
    return sorted(glob.glob(os.path.join(inbox, "*.tar.gz")))


def extract_bundle(archive_path: str, staging_root: str) -> str:
    name = os.path.basename(archive_path)[: -len(".tar.gz")]
    dest = os.path.join(staging_root, name)
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as tar:
        tar.extractall(dest)  # VULN flow
    return dest


def load_manifest(dest: str) -> dict:
    with open(os.path.join(dest, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    if "supplier_id" not in manifest or "items" not in manifest:
        raise ValueError("manifest missing supplier_id/items")
    return manifest


def process(inbox: str, staging: str, processed: str) -> int:
    done = 0
    for archive in find_bundles(inbox):
        try:
            dest = extract_bundle(archive, staging)
            manifest = load_manifest(dest)
        except (tarfile.TarError, ValueError, OSError) as exc:
            log.error("bundle %r rejected: %r", os.path.basename(archive), exc)
            shutil.move(archive, os.path.join(processed, "rejected", os.path.basename(archive)))
            continue
        log.info("bundle %r: supplier %r, %d items",
                 os.path.basename(archive), manifest["supplier_id"], len(manifest["items"]))
        shutil.move(archive, os.path.join(processed, os.path.basename(archive)))
        done += 1
    return done


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="unpack supplier bundles")
    ap.add_argument("--inbox", default="/srv/sftp/suppliers/inbox")
    ap.add_argument("--staging", default="/srv/catalog/staging")
    ap.add_argument("--processed", default="/srv/sftp/suppliers/processed")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    os.makedirs(os.path.join(args.processed, "rejected"), exist_ok=True)
    count = process(args.inbox, args.staging, args.processed)
    log.info("processed %d bundles", count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
