#!/usr/bin/env python3
"""Nightly database dump helper used by the ops cron."""
import datetime
import os
import sys

BACKUP_ROOT = "/var/backups/pg"


def build_target(dbname):
    stamp = datetime.date.today().isoformat()
    return os.path.join(BACKUP_ROOT, f"{dbname}-{stamp}.sql.gz")


def main(argv):
    if len(argv) < 2:
        print("usage: pg_backup.py DBNAME", file=sys.stderr)
        return 2
    dbname = argv[1]
    host = os.environ.get("PGHOST", "localhost")
    target = build_target(dbname)
    cmd = "pg_dump -h %s %s | gzip > %s" % (host, dbname, target)
    print("running:", cmd)
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        print("backup failed", file=sys.stderr)
        return 1
    print("wrote", target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
