#!/usr/bin/env python3
"""Nightly backup of the bookings database to the NAS share (run from cron as svc-backup)."""
import argparse
import datetime as dt
import gzip
import logging
import os
import shutil
import subprocess
import sys
import tempfile

log = logging.getLogger("backup")


def dump_database(dbname: str) -> str:
    fd, tmp_path = tempfile.mkstemp(prefix="bookings-", suffix=".sql")
    with os.fdopen(fd, "wb") as out:
        subprocess.run(
            ["pg_dump", "--no-owner", "--format=plain", "--dbname", dbname],
            stdout=out, check=True, timeout=3600,
        )
    return tmp_path


def compress(src: str, dest_dir: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    dest = os.path.join(dest_dir, f"bookings-{stamp}.sql.gz")
    with open(src, "rb") as fin, gzip.open(dest, "wb", compresslevel=6) as fout:
        shutil.copyfileobj(fin, fout, length=1 << 20)
    os.chmod(dest, 0o600)
    return dest


def prune(dest_dir: str, keep: int) -> list[str]:
    backups = sorted(
        (f for f in os.listdir(dest_dir) if f.startswith("bookings-") and f.endswith(".sql.gz")),
        reverse=True,
    )
    removed = []
    for name in backups[keep:]:
        os.remove(os.path.join(dest_dir, name))
        removed.append(name)
    return removed


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dbname", default=os.environ.get("BOOKINGS_DB", "bookings"))
    parser.add_argument("--dest", default="/mnt/nas/backups/bookings")
    parser.add_argument("--keep", type=int, default=14)
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s")
    os.makedirs(args.dest, mode=0o700, exist_ok=True)
    dump = dump_database(args.dbname)
    try:
        archive = compress(dump, args.dest)
    finally:
        os.unlink(dump)
    size_mb = os.path.getsize(archive) / 1e6
    log.info("wrote %s (%.1f MB)", archive, size_mb)
    for name in prune(args.dest, args.keep):
        log.info("pruned %s", name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
