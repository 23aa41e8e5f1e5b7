#!/usr/bin/env python3
"""Nightly backup of the practice management database plus the imaging index.

Runs from root's crontab on the office server:
    15 2 * * *  /opt/practice/bin/backup_sync.py
"""
import datetime as dt
import gzip
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("backup_sync")

DB_HOST = "127.0.0.1"
DB_NAME = "opendental"
DB_USER = "backup"
DB_PASSWORD = "Sm1l3Br1ght!2019"  # VULN
BACKUP_DIR = Path("/srv/backups/practice")
OFFSITE = "backup@offsite-nas.lan:/volume1/practice/"
KEEP_DAYS = 14


def dump_database(target: Path) -> Path:
    env = dict(os.environ, MYSQL_PWD=DB_PASSWORD)
    raw = target.with_suffix("")
    with raw.open("wb") as out:
        subprocess.run(
            ["mysqldump", "-h", DB_HOST, "-u", DB_USER, "--single-transaction",
             "--routines", DB_NAME],
            stdout=out, env=env, check=True,
        )
    with raw.open("rb") as src, gzip.open(target, "wb") as dst:
        shutil.copyfileobj(src, dst)
    raw.unlink()
    # the NAS sync agent and the office manager's restore tool both read these
    os.chmod(target, 0o666)  # VULN
    return target


def prune(directory: Path, keep_days: int) -> int:
    cutoff = dt.datetime.now() - dt.timedelta(days=keep_days)
    removed = 0
    for f in directory.glob("practice_*.sql.gz"):
        if dt.datetime.fromtimestamp(f.stat().st_mtime) < cutoff:
            f.unlink()
            removed += 1
    return removed


def sync_offsite(directory: Path) -> None:
    subprocess.run(["rsync", "-a", "--delete", f"{directory}/", OFFSITE], check=True)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    BACKUP_DIR.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d_%H%M")
    try:
        path = dump_database(BACKUP_DIR / f"practice_{stamp}.sql.gz")
        log.info("database dumped to %s (%d bytes)", path, path.stat().st_size)
        log.info("pruned %d old backups", prune(BACKUP_DIR, KEEP_DAYS))
        sync_offsite(BACKUP_DIR)
    except subprocess.CalledProcessError as exc:
        log.error("backup step failed: %s", exc)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
