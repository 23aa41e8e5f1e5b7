#!/usr/bin/env python3
"""Import scanned burial records delivered by partner funeral homes.

Partners drop ``.tar.gz`` bundles of scanned interment cards and deed images into
their SFTP home directory. This script runs every 15 minutes from cron, unpacks
each new bundle into the records archive and moves the bundle to ``processed/``.
"""
import argparse
import logging
import os
import shutil
import sys
import tarfile

log = logging.getLogger("scan_import")

DROPBOX = "/srv/sftp/partners"
ARCHIVE_ROOT = "/srv/records/scans"
MAX_MEMBERS = 5000


def pending_bundles(dropbox: str):
    for partner in sorted(os.listdir(dropbox)):
        inbox = os.path.join(dropbox, partner, "upload")
        if not os.path.isdir(inbox):
            continue
        for name in sorted(os.listdir(inbox)):
            if name.endswith((".tar.gz", ".tgz", ".tar")):
                yield partner, os.path.join(inbox, name)


def bundle_destination(partner: str, bundle_path: str) -> str:
    stem = os.path.basename(bundle_path).split(".", 1)[0]
    return os.path.realpath(os.path.join(ARCHIVE_ROOT, partner, stem))


def _inside(dest: str, member: tarfile.TarInfo) -> bool:
    target = os.path.realpath(os.path.join(dest, member.name))
    return os.path.commonpath([dest, target]) == dest


def import_bundle(partner: str, bundle_path: str) -> int:
    dest = bundle_destination(partner, bundle_path)
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(bundle_path, "r:*") as tar:
        members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
        if len(members) > MAX_MEMBERS:
            raise ValueError(f"bundle has {len(members)} entries")
        outside = [m.name for m in members if not _inside(dest, m)]
        if outside:
            raise ValueError(f"bundle contains {len(outside)} entries outside the target folder")
        tar.extractall(dest, members=members)
    return sum(1 for m in members if m.isfile())


def mark_processed(partner: str, bundle_path: str, dropbox: str) -> None:
    done_dir = os.path.join(dropbox, partner, "processed")
    os.makedirs(done_dir, exist_ok=True)
    shutil.move(bundle_path, os.path.join(done_dir, os.path.basename(bundle_path)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dropbox", default=DROPBOX)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    errors = 0
    for partner, bundle in pending_bundles(args.dropbox):
        if args.dry_run:
            log.info("would import %r for %r", bundle, partner)
            continue
        try:
            count = import_bundle(partner, bundle)
        except (tarfile.TarError, ValueError, OSError):
            log.exception("failed to import %r", bundle)
            errors += 1
            continue
        mark_processed(partner, bundle, args.dropbox)
        log.info("imported %d scans from %r (%r)", count, bundle, partner)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
