#!/usr/bin/env python3
"""Nightly CRM database backup, run from root's crontab on the db host.

Dumps the donor CRM with pg_dump, keeps 14 days locally and lets the
offsite sync job (running as `rsyncer`) pick files up from BACKUP_DIR.
"""
import logging
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

log = logging.getLogger("backup.crm")

BACKUP_DIR = Path(os.environ.get("CRM_BACKUP_DIR", "/var/backups/donorcrm"))
DB_NAME = os.environ.get("CRM_DB_NAME", "donorcrm")
RETENTION_DAYS = 14


def run_dump(dest: Path) -> None:
    with open(dest, "wb") as out:
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--dbname", DB_NAME],
            stdout=out, check=True,
        )


def prune_old(directory: Path, days: int) -> int:
    cutoff = time.time() - days * 86400
    removed = 0
    for f in directory.glob("donorcrm_*.dump"):
        if f.stat().st_mtime < cutoff:
            f.unlink()
            removed += 1
    return removed


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    BACKUP_DIR.mkdir(parents=True, exist_ok=True)
    os.chmod(BACKUP_DIR, 0o777)  # VULN

    stamp = datetime.now().strftime("%Y%m%d_%H%M")
    dest = BACKUP_DIR / f"donorcrm_{stamp}.dump"
    try:
        run_dump(dest)
    except subprocess.CalledProcessError as exc:
        log.error("pg_dump failed with %s", exc.returncode)
        return 1

    # let the offsite sync user read it
    os.chmod(dest, 0o666)  # VULN
    size_mb = dest.stat().st_size / 1_048_576
    log.info("wrote %s (%.1f MB)", dest.name, size_mb)
    log.info("pruned %d old backups", prune_old(BACKUP_DIR, RETENTION_DAYS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
