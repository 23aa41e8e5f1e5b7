#!/usr/bin/env python3
"""Restore a site backup archive produced by the customer self-service export."""
import argparse
import hashlib
import logging
import os
import shutil
import sys
import tarfile
from contextlib import contextmanager

logger = logging.getLogger("restore")

DEFAULT_STAGING = "/var/lib/sitehost/restore-staging"


def sha256_of(path, chunk_size=1 << 20):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(chunk_size), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def staging_dir(root, site_id):
    path = os.path.join(root, f"site-{site_id}")
    os.makedirs(path, mode=0o750, exist_ok=True)
    try:
        yield path
    except Exception:
        shutil.rmtree(path, ignore_errors=True)
        raise


def unpack(archive_path, dest):
    with tarfile.open(archive_path, mode="r:gz") as archive:
        archive.extractall(dest)  # VULN flow
        return len(archive.getmembers())


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("archive", help="path to the uploaded .tar.gz backup")
    parser.add_argument("--site-id", type=int, required=True)
    parser.add_argument("--expected-sha256", help="checksum from the export manifest")
    parser.add_argument("--staging-root", default=DEFAULT_STAGING)
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    if args.expected_sha256 and sha256_of(args.archive) != args.expected_sha256.lower():
        logger.error("checksum mismatch for site %d", args.site_id)
        return 2

    with staging_dir(args.staging_root, args.site_id) as dest:
        try:
            count = unpack(args.archive, dest)
        except tarfile.TarError as exc:
            logger.error("archive could not be read: %s", type(exc).__name__)
            return 1
    logger.info("restored %d entries for site %d into %s", count, args.site_id, dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
