#!/usr/bin/env python3
"""Nightly per-tenant database backups for the funeral-home platform.

Every funeral home (tenant) has its own Postgres schema named ``tenant_<slug>``,
where the slug is chosen by the home during onboarding. Dumps are gzipped into
the backup volume and picked up by the offsite sync agent.
"""
import datetime as dt
import logging
import os
import re
import subprocess
import sys

import click
import psycopg2

log = logging.getLogger("tenant_backups")

PG_DATABASE = os.environ.get("PG_DATABASE", "fhplatform")
SLUG_RE = re.compile(r"^[a-z0-9_]{2,40}$")


def active_tenants(dsn: str):
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT slug, display_name FROM platform_tenants WHERE active ORDER BY slug")
        return cur.fetchall()


def backup_tenant(slug: str, out_dir: str, stamp: str) -> str:
    if not SLUG_RE.match(slug):
        raise ValueError(f"unexpected tenant slug {slug!r}")
    target = os.path.join(out_dir, f"{slug}-{stamp}.sql.gz")
    cmd = ["pg_dump", "--no-owner", "--no-privileges", f"--schema=tenant_{slug}", PG_DATABASE]
    with open(target, "wb") as fh:
        dump = subprocess.Popen(cmd, stdout=subprocess.PIPE)
        subprocess.run(["gzip", "-9"], stdin=dump.stdout, stdout=fh, check=True)
        dump.stdout.close()
        if dump.wait() != 0:
            raise subprocess.CalledProcessError(dump.returncode, cmd)
    # offsite agent runs in the backup group
    os.chmod(target, 0o640)
    return target


def prune(out_dir: str, keep_days: int) -> int:
    cutoff = dt.datetime.now().timestamp() - keep_days * 86400
    removed = 0
    for name in os.listdir(out_dir):
        path = os.path.join(out_dir, name)
        if name.endswith(".sql.gz") and os.path.getmtime(path) < cutoff:
            os.remove(path)
            removed += 1
    return removed


@click.command()
@click.option("--dsn", envvar="PLATFORM_DSN", required=True, help="Control-plane database DSN")
@click.option("--out-dir", default="/backups/tenants", show_default=True)
@click.option("--keep-days", default=14, show_default=True)
def main(dsn: str, out_dir: str, keep_days: int) -> None:
    """Dump every active tenant schema."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    os.makedirs(out_dir, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    failed = []
    for slug, display_name in active_tenants(dsn):
        try:
            path = backup_tenant(slug, out_dir, stamp)
            log.info("backed up tenant %r to %r", display_name, path)
        except (subprocess.CalledProcessError, ValueError) as exc:
            log.error("backup failed for tenant %r: %s", slug, type(exc).__name__)
            failed.append(slug)
    log.info("pruned %d old dumps", prune(out_dir, keep_days))
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
