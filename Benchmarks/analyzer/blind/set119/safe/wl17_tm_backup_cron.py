#!/usr/bin/env python3
"""Nightly backup of the translation-memory database.

Dumps the TM Postgres database, compresses it and hands it to the
offsite sync job which runs under a different service account.
Scheduled from /etc/cron.d/tm-backup.
"""
import datetime as dt
import gzip
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

BACKUP_DIR = Path("/var/backups/tm")
KEEP_DAYS = 14
DB_HOST = "tm-db.internal.lingvo.example"
DB_NAME = "translation_memory"
DB_USER = "tm_backup"
DB_PASSWORD = os.environ.get("TM_BACKUP_PGPASSWORD")

log = logging.getLogger("tm-backup")


def dump_database(target: Path) -> None:
    env = dict(os.environ)
    if DB_PASSWORD:
        env["PGPASSWORD"] = DB_PASSWORD
    cmd = ["pg_dump", "-h", DB_HOST, "-U", DB_USER, "-Fp", "--no-owner", DB_NAME]
    with gzip.open(target, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env)
        shutil.copyfileobj(proc.stdout, out)
        if proc.wait() != 0:
            raise RuntimeError("pg_dump failed with exit code %d" % proc.returncode)


def prune_old(directory: Path, keep_days: int) -> int:
    cutoff = dt.datetime.now() - dt.timedelta(days=keep_days)
    removed = 0
    for f in directory.glob("tm-*.sql.gz"):
        if dt.datetime.fromtimestamp(f.stat().st_mtime) < cutoff:
            f.unlink()
            removed += 1
    return removed


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    BACKUP_DIR.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    archive = BACKUP_DIR / f"tm-{stamp}.sql.gz"
    try:
        dump_database(archive)
    except Exception:
        log.exception("backup failed")
        archive.unlink(missing_ok=True)
        return 1
    # offsite-sync is in the tm-backup group and must be able to pick it up
    os.chmod(archive, 0o640)
    log.info("wrote %s (%.1f MiB)", archive, archive.stat().st_size / 1048576)
    log.info("pruned %d old backup(s)", prune_old(BACKUP_DIR, KEEP_DAYS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
