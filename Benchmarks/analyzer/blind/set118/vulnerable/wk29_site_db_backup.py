#!/usr/bin/env python3
"""Nightly per-site database backup for the franchise POS.

Cron: 15 2 * * *  /opt/pos/bin/site_db_backup.py

Each franchise site has its own Postgres schema.  Site names come from the
``sites`` table, which franchisees edit themselves in the owner portal.
"""
import logging
import os
import subprocess
import sys
from datetime import date

import psycopg2

PG_DSN = os.environ.get("POS_DSN", "dbname=pos host=/var/run/postgresql")
BACKUP_ROOT = os.environ.get("BACKUP_ROOT", "/backups/pos")
RETENTION_DAYS = 14

log = logging.getLogger("site_backup")


def active_sites():
    with psycopg2.connect(PG_DSN) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, name, schema_name FROM sites WHERE active ORDER BY id")
        return cur.fetchall()


def backup_path(site_name: str) -> str:
    day_dir = os.path.join(BACKUP_ROOT, date.today().isoformat())
    os.makedirs(day_dir, exist_ok=True)
    return os.path.join(day_dir, f"{site_name}.sql.gz")


def dump_site(site_id: int, site_name: str, schema: str) -> str:
    out = backup_path(site_name)
    pipeline = f"pg_dump --no-owner --schema={schema} pos | gzip -9 > \"{out}\""
    log.info("site %d: dumping schema %s", site_id, schema)
    subprocess.run(pipeline, shell=True, check=True)  # VULN flow
    os.chmod(out, 0o666)  # VULN
    return out


def prune_old() -> None:
    cutoff = date.today().toordinal() - RETENTION_DAYS
    for entry in os.listdir(BACKUP_ROOT):
        try:
            if date.fromisoformat(entry).toordinal() < cutoff:
                subprocess.run(["rm", "-rf", os.path.join(BACKUP_ROOT, entry)], check=True)
        except ValueError:
            continue


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    failed = []
    for site_id, name, schema in active_sites():
        try:
            dump_site(site_id, name, schema)
        except subprocess.CalledProcessError as exc:
            log.error("site %d backup failed: rc=%s", site_id, exc.returncode)
            failed.append(site_id)
    prune_old()
    if failed:
        log.error("%d site(s) failed: %s", len(failed), failed)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
