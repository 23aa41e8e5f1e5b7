#!/usr/bin/env python3
"""Nightly backup of each member organisation's files on the shared nonprofit
hosting platform.  Organisations are created self-service from the signup page.
"""
import logging
import os
import re
import sqlite3
import subprocess
import sys
from datetime import date
from typing import NamedTuple

PLATFORM_DB = os.environ.get("PLATFORM_DB", "/var/lib/nphost/platform.db")
TENANT_ROOT = "/srv/nphost/tenants"
BACKUP_ROOT = "/backup/nphost"
RETAIN_DAYS = 14
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("tenant_backup")


class Tenant(NamedTuple):
    id: int
    slug: str
    display_name: str


def active_tenants():
    conn = sqlite3.connect(PLATFORM_DB)
    try:
        rows = conn.execute("SELECT id, slug, display_name FROM tenants WHERE suspended = 0").fetchall()
    finally:
        conn.close()
    return [Tenant(*r) for r in rows]


def archive_name(tenant: Tenant) -> str:
    return os.path.join(BACKUP_ROOT, date.today().isoformat(), f"{tenant.slug}.tar.gz")


def backup_tenant(tenant: Tenant) -> str:
    if not SLUG_RE.match(tenant.slug):
        raise RuntimeError("tenant slug failed validation")
    dest = archive_name(tenant)
    os.makedirs(os.path.dirname(dest), mode=0o700, exist_ok=True)
    command = ["tar", "--exclude=*.tmp", "-czf", dest, "-C", TENANT_ROOT, "--", tenant.slug]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip() or "tar failed")
    os.chmod(dest, 0o600)
    return dest


def prune_old_backups():
    cutoff = date.today().toordinal() - RETAIN_DAYS
    for name in os.listdir(BACKUP_ROOT):
        try:
            day = date.fromisoformat(name)
        except ValueError:
            continue
        if day.toordinal() < cutoff:
            subprocess.run(["rm", "-rf", "--", os.path.join(BACKUP_ROOT, name)], check=False)
            log.info("pruned backups from %s", name)


def main() -> int:
    failures = 0
    for tenant in active_tenants():
        try:
            path = backup_tenant(tenant)
        except (RuntimeError, OSError) as exc:
            failures += 1
            log.error("backup failed for tenant %d: %r", tenant.id, exc)
            continue
        log.info("tenant %d backed up to %r (%d bytes)", tenant.id, path, os.path.getsize(path))
    prune_old_backups()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
