#!/usr/bin/env python3
"""Cron job: archive each boarding-kennel site's document folder (vaccination
certificates, intake forms) to the backup volume.

Site slugs and folder names are maintained by kennel managers in the booking
admin UI and read from the ``kennel_sites`` table here.
"""
import logging
import os
import re
import sqlite3
import subprocess
import sys
from datetime import datetime

log = logging.getLogger("kennel_backup")

DB_PATH = os.environ.get("BOOKING_DB", "/var/lib/kennels/booking.db")
DATA_ROOT = os.environ.get("KENNEL_DATA_ROOT", "/srv/kennels/docs")
BACKUP_DIR = os.environ.get("KENNEL_BACKUP_DIR", "/mnt/backup/kennels")
RETENTION = 10
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


def fetch_sites(conn: sqlite3.Connection) -> list:
    conn.row_factory = sqlite3.Row
    return conn.execute(
        "SELECT slug, data_dir FROM kennel_sites WHERE active = 1 ORDER BY slug"
    ).fetchall()


def archive_site(site: sqlite3.Row, stamp: str) -> bool:
    if not (NAME_RE.match(site["slug"]) and NAME_RE.match(site["data_dir"])):
        log.error("skipping site with invalid slug/folder: %r", site["slug"])
        return False
    archive = os.path.join(BACKUP_DIR, f"{site['slug']}-{stamp}.tar.gz")
    cmd = ["tar", "-czf", archive, "-C", DATA_ROOT, "--", site["data_dir"]]
    log.info("archiving site %r", site["slug"])
    rc = subprocess.run(cmd).returncode
    if rc != 0:
        log.error("tar exited with %d for %r", rc, site["slug"])
        return False
    return True


def rotate(slug: str) -> None:
    prefix = f"{slug}-"
    archives = sorted(n for n in os.listdir(BACKUP_DIR) if n.startswith(prefix))
    for old in archives[:-RETENTION]:
        os.remove(os.path.join(BACKUP_DIR, old))
        log.info("rotated out %s", old)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    os.makedirs(BACKUP_DIR, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d%H%M")
    with sqlite3.connect(DB_PATH) as conn:
        sites = fetch_sites(conn)
    failures = 0
    for site in sites:
        if archive_site(site, stamp):
            rotate(site["slug"])
        else:
            failures += 1
    log.info("%d site(s) archived, %d failed", len(sites) - failures, failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
