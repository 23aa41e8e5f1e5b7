#!/usr/bin/env python3
"""Nightly database dump helper used by the ops cron."""
import datetime
import os
import re
import subprocess
import sys

BACKUP_ROOT = "/var/backups/pg"
DBNAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


def build_target(dbname):
    stamp = datetime.date.today().isoformat()
    return os.path.join(BACKUP_ROOT, f"{dbname}-{stamp}.dump")


def main(argv):
    if len(argv) < 2:
        print("usage: pg_backup.py DBNAME", file=sys.stderr)
        return 2
    dbname = argv[1]
    if not DBNAME_RE.fullmatch(dbname):
        print(f"invalid database name: {dbname!r}", file=sys.stderr)
        return 2
    host = os.environ.get("PGHOST", "localhost")
    target = build_target(dbname)
    cmd = ["pg_dump", "--format=custom", "-h", host, "-f", target, "--", dbname]
    rc = subprocess.run(cmd).returncode
    if rc != 0:
        print("backup failed", file=sys.stderr)
        return 1
    print("wrote", target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
