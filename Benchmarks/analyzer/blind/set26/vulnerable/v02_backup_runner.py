"""Nightly database backup runner driven by tenant job files.

Tenants drop JSON job descriptions into the spool directory through the
self-service portal; this script is run from cron to process them.
"""
import argparse
import json
import logging
import os
import re
import sys
from datetime import date
from pathlib import Path

log = logging.getLogger("backup_runner")

DEFAULT_SPOOL = "/var/spool/backups/jobs"
ARCHIVE_ROOT = "/srv/backups"
TENANT_RE = re.compile(r"^[a-z0-9_-]{1,32}$")


def load_jobs(spool_dir):
    jobs = []
    for entry in sorted(Path(spool_dir).glob("*.json")):
        try:
            with entry.open() as fh:
                jobs.append(json.load(fh))
        except (OSError, json.JSONDecodeError) as exc:
            log.warning("skipping %r: %r", entry.name, exc)
    return jobs


def archive_target(tenant):
    if not TENANT_RE.match(tenant):
        raise ValueError("invalid tenant id")
    folder = os.path.join(ARCHIVE_ROOT, tenant)
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, f"{date.today():%Y%m%d}.sql.gz")


def run_job(job, dry_run=False):
    target = archive_target(str(job.get("tenant", "")))
    database = job["database"]
    host = job.get("host", "localhost")
    cmd = f"pg_dump --host {host} --no-owner {database}"
    cmd += f" | gzip -9 > {target}"
    if dry_run:
        print(cmd)
        return 0
    log.info("backing up %r to %r", database, target)
    return os.system(cmd)  # VULN flow


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spool", default=DEFAULT_SPOOL)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    failures = 0
    for job in load_jobs(args.spool):
        try:
            if run_job(job, dry_run=args.dry_run) != 0:
                failures += 1
        except (KeyError, ValueError) as exc:
            log.error("bad job definition: %r", exc)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
