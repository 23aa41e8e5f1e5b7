#!/usr/bin/env python3
"""Nightly logical backups of the HR and payroll databases.

Invoked from cron as the ``backup`` user. Dumps each database with
pg_dump, writes a checksum file next to it and prunes dumps older than the
retention window.
"""
import hashlib
import logging
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

log = logging.getLogger("db_backup")

BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", "/srv/backups/postgres"))
DATABASES = ("hr_core", "payroll", "recruiting")
RETENTION_DAYS = int(os.environ.get("BACKUP_RETENTION_DAYS", "14"))


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def prepare_dir(day: str) -> Path:
    target = BACKUP_DIR / day
    os.makedirs(target, mode=0o700, exist_ok=True)
    return target


def dump_database(db: str, dest: Path) -> None:
    cmd = ["pg_dump", "--format=custom", "--compress=6", "--file", str(dest), db]
    subprocess.run(cmd, check=True, timeout=3 * 3600)
    os.chmod(dest, 0o600)
    checksum = dest.with_suffix(dest.suffix + ".sha256")
    checksum.write_text(f"{sha256_file(dest)}  {dest.name}\n")


def prune(now: float) -> int:
    removed = 0
    cutoff = now - RETENTION_DAYS * 86400
    for day_dir in BACKUP_DIR.iterdir():
        if day_dir.is_dir() and day_dir.stat().st_mtime < cutoff:
            for f in day_dir.iterdir():
                f.unlink()
            day_dir.rmdir()
            removed += 1
    return removed


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    day = datetime.now().strftime("%Y-%m-%d")
    target = prepare_dir(day)
    failed = []
    for db in DATABASES:
        dest = target / f"{db}.dump"
        try:
            dump_database(db, dest)
            log.info("dumped %s (%d bytes)", db, dest.stat().st_size)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            log.error("dump of %s failed: %s", db, exc)
            failed.append(db)
    log.info("pruned %d old backup directories", prune(time.time()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
