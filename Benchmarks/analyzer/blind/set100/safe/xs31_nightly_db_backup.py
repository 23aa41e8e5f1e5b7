#!/usr/bin/env python3
"""Nightly backup of the tutoring platform database.

Installed in the ops host crontab:
    15 2 * * * /opt/tutor/bin/nightly_backup.py --db tutor
"""
import argparse
import datetime as dt
import gzip
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("nightly_backup")

DB_HOST = "db-primary.tutor.internal"
DB_USER = "backup"
DB_PASSWORD = os.environ.get("TUTOR_BACKUP_PGPASSWORD")  # falls back to ~/.pgpass when unset
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", "/var/backups/tutor"))
KEEP_DAYS = 14


def dump_database(dbname: str, out: Path) -> None:
    env = dict(os.environ, PGPASSWORD=DB_PASSWORD) if DB_PASSWORD else dict(os.environ)
    cmd = ["pg_dump", "-h", DB_HOST, "-U", DB_USER, "--no-owner", "--format=plain", dbname]
    with gzip.open(out, "wb") as gz:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env)
        shutil.copyfileobj(proc.stdout, gz)
        if proc.wait() != 0:
            raise RuntimeError(f"pg_dump exited with {proc.returncode}")
    # the off-site sync job reads through the "backup" group
    os.chmod(out, 0o640)


def prune(directory: Path, keep_days: int) -> int:
    cutoff = dt.datetime.now() - dt.timedelta(days=keep_days)
    removed = 0
    for path in directory.glob("*.sql.gz"):
        if dt.datetime.fromtimestamp(path.stat().st_mtime) < cutoff:
            path.unlink()
            removed += 1
    return removed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Nightly database backup")
    parser.add_argument("--db", default="tutor")
    parser.add_argument("--keep-days", type=int, default=KEEP_DAYS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    os.umask(0o027)
    BACKUP_DIR.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    out = BACKUP_DIR / f"{args.db}-{stamp}.sql.gz"
    try:
        dump_database(args.db, out)
    except (OSError, RuntimeError) as exc:
        log.error("backup failed: %s", exc)
        out.unlink(missing_ok=True)
        return 1
    log.info("wrote %s (%.1f MB)", out, out.stat().st_size / 1e6)
    log.info("pruned %d old backups", prune(BACKUP_DIR, args.keep_days))
    return 0


if __name__ == "__main__":
    sys.exit(main())
