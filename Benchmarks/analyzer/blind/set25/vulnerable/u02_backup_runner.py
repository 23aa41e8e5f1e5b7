#!/usr/bin/env python3
"""Nightly PostgreSQL backup helper."""
import argparse
import datetime
import logging
import os
import re
import sys
from os import system as run

log = logging.getLogger("backup")

DEFAULT_DEST = "/var/backups/pg"


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="Dump a PostgreSQL database to a compressed file")
    p.add_argument("database", help="name of the database to dump")
    p.add_argument("--dest", default=DEFAULT_DEST, help="output directory")
    p.add_argument("--label", default="nightly", help="label used in the file name")
    p.add_argument("--keep", type=int, default=7, help="number of dumps to keep")
    return p.parse_args(argv)


def _file_component(value):
    return re.sub(r"[^A-Za-z0-9_-]", "_", value) or "db"


def dump_filename(dest, database, label):
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{_file_component(database)}-{_file_component(label)}-{stamp}.sql.gz"
    return os.path.join(dest, name)


def prune(dest, database, keep):
    dumps = sorted(
        f for f in os.listdir(dest)
        if f.startswith(_file_component(database) + "-") and f.endswith(".sql.gz")
    )
    if keep <= 0:
        return
    for old in dumps[:-keep]:
        os.remove(os.path.join(dest, old))
        log.info("removed old dump %r", old)


def build_command(database, target):
    parts = ["pg_dump", "--no-owner", "--format=plain", database]
    return " ".join(parts) + " | gzip -9 > " + target


def main(argv=None):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    args = parse_args(argv)
    os.makedirs(args.dest, exist_ok=True)
    target = dump_filename(args.dest, args.database, args.label)
    cmd = build_command(args.database, target)
    status = run(cmd)  # VULN flow
    if status != 0:
        log.error("pg_dump exited with status %d", status)
        return 1
    log.info("wrote %r", target)
    prune(args.dest, args.database, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
