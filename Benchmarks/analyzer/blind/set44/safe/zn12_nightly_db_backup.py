#!/usr/bin/env python3
"""Nightly logical backup of the clinic scheduling database.

Runs from cron on the backup host:
    30 1 * * *  backup  /opt/clinic-ops/bin/nightly_db_backup.py --keep 14
"""
import argparse
import datetime as dt
import glob
import gzip
import logging
import os
import shutil
import subprocess
import sys

BACKUP_DIR = "/var/backups/clinic-sched"
DB_HOST = "sched-db.internal"
DB_NAME = "scheduling"
DB_USER = "backup_ro"
DB_PASSWORD = os.environ.get("SCHED_BACKUP_PASSWORD", "")

log = logging.getLogger("nightly-backup")


def dump_database(target: str) -> None:
    env = dict(os.environ, PGPASSWORD=DB_PASSWORD) if DB_PASSWORD else dict(os.environ)
    raw = target[:-3]
    cmd = ["pg_dump", "-h", DB_HOST, "-U", DB_USER, "-d", DB_NAME,
           "--no-owner", "--format=plain", "-f", raw]
    subprocess.run(cmd, env=env, check=True)
    with open(raw, "rb") as src, gzip.open(target, "wb", compresslevel=6) as dst:
        shutil.copyfileobj(src, dst)
    os.remove(raw)


def prune(keep: int) -> None:
    dumps = sorted(glob.glob(os.path.join(BACKUP_DIR, f"{DB_NAME}-*.sql.gz")))
    for old in dumps[:-keep] if keep > 0 else []:
        log.info("pruning %s", old)
        os.remove(old)


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=int, default=14, help="number of dumps to retain")
    ap.add_argument("--verbose", action="store_true")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    os.umask(0o077)
    os.makedirs(BACKUP_DIR, mode=0o750, exist_ok=True)
    stamp = dt.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
    target = os.path.join(BACKUP_DIR, f"{DB_NAME}-{stamp}.sql.gz")
    try:
        dump_database(target)
    except subprocess.CalledProcessError as exc:
        log.error("pg_dump failed with rc=%s", exc.returncode)
        return 2
    # the offsite sync job is in the backup group and only needs read access
    os.chmod(target, 0o640)
    log.info("wrote %s (%d bytes)", target, os.path.getsize(target))
    prune(args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
