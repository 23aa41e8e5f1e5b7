#!/usr/bin/env python3
"""Cron job: nightly dump of the fuel dock POS database.

Dumps the database, gzips it into the shared backup area that the
harbour office NAS picks up, and prunes archives older than N days.
"""
import argparse
import gzip
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date

log = logging.getLogger("fueldock.backup")

BACKUP_DIR = "/srv/backups/fueldock"
PG_DUMP = "/usr/bin/pg_dump"


def dump_database(dbname: str) -> str:
    fd, tmp_path = tempfile.mkstemp(prefix="fueldock-", suffix=".sql")
    with os.fdopen(fd, "w") as out:
        subprocess.run([PG_DUMP, "--no-owner", dbname], stdout=out, check=True)
    return tmp_path


def compress(src: str, dest_dir: str) -> str:
    os.makedirs(dest_dir, mode=0o750, exist_ok=True)
    final = os.path.join(dest_dir, f"fueldock-{date.today():%Y%m%d}.sql.gz")
    with open(src, "rb") as fin, gzip.open(final, "wb") as fout:
        shutil.copyfileobj(fin, fout)
    # the NAS sync job runs under the backup group
    os.chmod(final, 0o640)
    return final


def prune(dest_dir: str, keep_days: int) -> int:
    cutoff = time.time() - keep_days * 86400
    removed = 0
    for name in os.listdir(dest_dir):
        path = os.path.join(dest_dir, name)
        if name.endswith(".sql.gz") and os.path.getmtime(path) < cutoff:
            os.remove(path)
            removed += 1
    return removed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="fuel dock POS backup")
    ap.add_argument("--db", default="fueldock_pos")
    ap.add_argument("--dest", default=BACKUP_DIR)
    ap.add_argument("--keep-days", type=int, default=21)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    try:
        raw = dump_database(args.db)
    except subprocess.CalledProcessError as exc:
        log.error("pg_dump failed with %s", exc.returncode)
        return 2
    try:
        archive = compress(raw, args.dest)
    finally:
        os.unlink(raw)
    log.info("wrote %s (%d bytes)", archive, os.path.getsize(archive))
    log.info("pruned %d old archives", prune(args.dest, args.keep_days))
    return 0


if __name__ == "__main__":
    sys.exit(main())
