#!/usr/bin/env python3
"""Nightly per-site database backup for the franchise POS.

Cron: 15 2 * * *  /opt/pos/bin/site_db_backup.py

Each franchise site has its own Postgres schema.  Site names come from the
``sites`` table, which franchisees edit themselves in the owner portal.
"""
import logging
import os
import re
import shutil
import subprocess
import sys
from datetime import date

import psycopg2

PG_DSN = os.environ.get("POS_DSN", "dbname=pos host=/var/run/postgresql")
BACKUP_ROOT = os.environ.get("BACKUP_ROOT", "/backups/pos")
RETENTION_DAYS = 14
SCHEMA_RE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

log = logging.getLogger("site_backup")


def active_sites():
    with psycopg2.connect(PG_DSN) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, name, schema_name FROM sites WHERE active ORDER BY id")
        return cur.fetchall()


def backup_path(site_id: int, site_name: str) -> str:
    day_dir = os.path.join(BACKUP_ROOT, date.today().isoformat())
    os.makedirs(day_dir, mode=0o700, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", site_name.lower()).strip("-") or "site"
    return os.path.join(day_dir, f"{site_id:04d}-{slug}.sql.gz")


def dump_site(site_id: int, site_name: str, schema: str) -> str:
    if not SCHEMA_RE.match(schema):
        raise ValueError(f"site {site_id}: refusing odd schema name {schema!r}")
    out = backup_path(site_id, site_name)
    log.info("site %d: dumping schema %s", site_id, schema)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        dump = subprocess.Popen(["pg_dump", "--no-owner", f"--schema={schema}", "pos"], stdout=subprocess.PIPE)
        subprocess.run(["gzip", "-9"], stdin=dump.stdout, stdout=fh, check=True)
        dump.stdout.close()
        if dump.wait() != 0:
            raise subprocess.CalledProcessError(dump.returncode, "pg_dump")
    os.chmod(out, 0o600)
    return out


def prune_old() -> None:
    cutoff = date.today().toordinal() - RETENTION_DAYS
    for entry in os.listdir(BACKUP_ROOT):
        try:
            if date.fromisoformat(entry).toordinal() < cutoff:
                shutil.rmtree(os.path.join(BACKUP_ROOT, entry))
        except ValueError:
            continue


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    failed = []
    for site_id, name, schema in active_sites():
        try:
            dump_site(site_id, name, schema)
        except (subprocess.CalledProcessError, ValueError) as exc:
            log.error("site %d backup failed: %r", site_id, exc)
            failed.append(site_id)
    prune_old()
    if failed:
        log.error("%d site(s) failed: %s", len(failed), failed)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
