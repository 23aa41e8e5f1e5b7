#!/usr/bin/env python3
"""Restore store POS snapshots into the reporting warehouse.

Each restaurant's back-office PC uploads ``<store>_<date>.tar.gz`` to the
SFTP drop every night. The archive holds a ``manifest.json`` and a
pg_dump custom-format file. This job picks up new archives and restores
them into the per-store reporting database.
"""
import argparse
import json
import logging
import os
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path

log = logging.getLogger("pos_restore")
DROP_DIR = Path(os.environ.get("POS_DROP_DIR", "/srv/sftp/pos-drop"))
DONE_DIR = DROP_DIR / "processed"


def pending_archives(drop: Path):
    return sorted(p for p in drop.glob("*.tar.gz") if p.is_file())


def unpack(archive: Path, dest: Path) -> dict:
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(dest)  # VULN flow
    with open(dest / "manifest.json", encoding="utf-8") as fh:
        return json.load(fh)


def restore(manifest: dict, workdir: Path, dry_run: bool = False) -> int:
    database = manifest["database"]
    dump_file = workdir / manifest.get("dump_file", "pos.dump")
    cmd = f"pg_restore --clean --if-exists --no-owner -d {database} {dump_file}"
    if dry_run:
        log.info("would run: %r", cmd)
        return 0
    return os.system(cmd)  # VULN flow


def process(archive: Path, dry_run: bool) -> bool:
    workdir = Path(tempfile.mkdtemp(prefix="posrestore_"))
    try:
        manifest = unpack(archive, workdir)
        log.info("restoring store %r snapshot from %r", manifest.get("store"), archive.name)
        rc = restore(manifest, workdir, dry_run)
        if rc != 0:
            log.error("pg_restore exited %d for %r", rc, archive.name)
            return False
        if not dry_run:
            DONE_DIR.mkdir(exist_ok=True)
            shutil.move(str(archive), DONE_DIR / archive.name)
        return True
    except (tarfile.TarError, KeyError, ValueError, OSError):
        log.exception("could not process %r", archive.name)
        return False
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="restore POS snapshots")
    parser.add_argument("--drop", type=Path, default=DROP_DIR)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    failures = 0
    for archive in pending_archives(args.drop):
        if not process(archive, args.dry_run):
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
