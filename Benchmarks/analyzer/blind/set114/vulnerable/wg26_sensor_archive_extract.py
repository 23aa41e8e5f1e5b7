#!/usr/bin/env python3
"""Ingest data-logger archives dropped by the HVAC contractor.

The contractor uploads ``<site>-<date>.tar.gz`` bundles of enclosure climate
logs to the SFTP dropbox; this script (run from a systemd timer) unpacks each
one into the processing area and moves the original to ``done/``.
"""
import argparse
import logging
import os
import shutil
import tarfile
from pathlib import Path

log = logging.getLogger("archive_ingest")

DROPBOX = Path("/srv/sftp/hvac-contractor/upload")
WORK_ROOT = Path("/srv/zoo/climate-logs/incoming")
DONE_DIR = DROPBOX / "done"


def unpack(archive: Path, dest: Path) -> int:
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        members = [m for m in tar.getmembers() if m.isfile() and m.name.endswith(".csv")]
        tar.extractall(path=dest, members=members)  # VULN flow
    return len(members)


def process_dropbox(dry_run: bool = False) -> None:
    DONE_DIR.mkdir(exist_ok=True)
    for archive in sorted(DROPBOX.glob("*.tar.gz")):
        site = archive.name.split("-", 1)[0]
        dest = WORK_ROOT / site / archive.name[: -len(".tar.gz")]
        if dry_run:
            log.info("would unpack %s -> %s", archive, dest)
            continue
        try:
            count = unpack(archive, dest)
        except (tarfile.TarError, OSError) as exc:
            log.error("failed to unpack %s: %s", archive.name, exc)
            continue
        shutil.move(str(archive), DONE_DIR / archive.name)
        log.info("unpacked %d log files from %s", count, archive.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    if not os.access(DROPBOX, os.R_OK):
        raise SystemExit(f"cannot read {DROPBOX}")
    process_dropbox(args.dry_run)


if __name__ == "__main__":
    main()
