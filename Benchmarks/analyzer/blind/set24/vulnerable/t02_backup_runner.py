#!/usr/bin/env python3
"""Nightly database backup helper: dumps one or more databases to a directory."""
import argparse
import datetime
import logging
import os
import subprocess as sp
import sys

log = logging.getLogger("backup")


class BackupJob:
    def __init__(self, database, target_dir, compress=True):
        self.database = database
        self.target_dir = target_dir
        self.compress = compress

    def archive_name(self):
        stamp = datetime.date.today().isoformat()
        return os.path.join(self.target_dir, f"{self.database}-{stamp}.sql")

    def dump_command(self):
        cmd = "pg_dump --no-owner --dbname=" + self.database
        out = self.archive_name()
        if self.compress:
            cmd += " | gzip -9 > " + out + ".gz"
        else:
            cmd += " > " + out
        return cmd

    def run(self):
        command = self.dump_command()
        log.info("starting backup of %r", self.database)
        return sp.call(command, shell=True)  # VULN flow


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("databases", nargs="+", help="databases to dump")
    parser.add_argument("--target", default="/var/backups/pg")
    parser.add_argument("--no-compress", action="store_true")
    return parser.parse_args(argv)


def main(argv=None):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    args = parse_args(argv)
    os.makedirs(args.target, exist_ok=True)
    failures = 0
    for name in args.databases:
        job = BackupJob(name, args.target, compress=not args.no_compress)
        rc = job.run()
        if rc != 0:
            log.error("backup of %r failed with exit code %d", name, rc)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
