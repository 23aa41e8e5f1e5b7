#!/usr/bin/env python3
"""Nightly backup of the hive telemetry database to the NAS share.

Runs from root's crontab on the gateway server at 02:30.
"""
import argparse
import datetime as dt
import gzip
import logging
import os
import shutil
import sqlite3
import sys
import tempfile

log = logging.getLogger("telemetry_backup")


def dump_database(db_path: str) -> str:
    fd, tmp_path = tempfile.mkstemp(prefix="telemetry-", suffix=".sql")
    conn = sqlite3.connect(db_path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for statement in conn.iterdump():
                fh.write(statement + "\n")
    finally:
        conn.close()
    return tmp_path


def compress(src: str, dest_dir: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    dest = os.path.join(dest_dir, "telemetry-%s.sql.gz" % stamp)
    with open(src, "rb") as fin, gzip.open(dest, "wb", compresslevel=6) as fout:
        shutil.copyfileobj(fin, fout)
    os.chmod(dest, 0o600)
    return dest


def prune(dest_dir: str, keep: int) -> int:
    backups = sorted(
        f for f in os.listdir(dest_dir) if f.startswith("telemetry-") and f.endswith(".sql.gz")
    )
    removed = 0
    for name in backups[:-keep] if keep > 0 else []:
        os.remove(os.path.join(dest_dir, name))
        removed += 1
    return removed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Back up hive telemetry")
    parser.add_argument("--db", default="/var/lib/apiary/telemetry.db")
    parser.add_argument("--dest", default="/mnt/nas/backups/telemetry")
    parser.add_argument("--keep", type=int, default=14)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    if not os.path.isdir(args.dest):
        log.error("backup destination %s is not mounted", args.dest)
        return 2
    dump = dump_database(args.db)
    try:
        archive = compress(dump, args.dest)
    finally:
        os.remove(dump)
    log.info("wrote %s (%d bytes)", archive, os.path.getsize(archive))
    log.info("pruned %d old backups", prune(args.dest, args.keep))
    return 0


if __name__ == "__main__":
    sys.exit(main())
