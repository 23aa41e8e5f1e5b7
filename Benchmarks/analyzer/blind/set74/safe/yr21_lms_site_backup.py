#!/usr/bin/env python3
"""Nightly archive of course site content for the learning management system.

Each active course site lives under SITES_ROOT/<slug>; instructors choose the
slug when they create the site. Archives are written to BACKUP_ROOT/<term>/.
"""
import datetime
import logging
import os
import re
import shlex
import sys

import psycopg2

log = logging.getLogger("lms.backup")

SITES_ROOT = "/srv/lms/sites"
BACKUP_ROOT = os.environ.get("LMS_BACKUP_ROOT", "/backup/lms")
DB_DSN = os.environ["LMS_BACKUP_DSN"]
RETAIN_DAYS = 30
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def current_term(today: datetime.date) -> str:
    season = "SP" if today.month <= 5 else ("SU" if today.month <= 7 else "FA")
    return f"{today.year}{season}"


def active_sites(conn, term: str):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT slug, owner_netid FROM course_sites WHERE term = %s AND archived = false ORDER BY slug",
            (term,),
        )
        return cur.fetchall()


def archive_site(slug: str, dest_dir: str) -> bool:
    if not SLUG_RE.fullmatch(slug):
        log.error("skipping site with unexpected slug %r", slug)
        return False
    stamp = datetime.datetime.now().strftime("%Y%m%d")
    archive = os.path.join(dest_dir, f"{os.path.basename(slug)}-{stamp}.tar.gz")
    cmd = f"tar -czf {shlex.quote(archive)} -C {shlex.quote(SITES_ROOT)} -- {shlex.quote(slug)}"
    rc = os.system(cmd)
    if rc != 0:
        log.error("tar exited with %d for site %r", rc, slug)
        return False
    return True


def prune_old(dest_dir: str) -> int:
    cutoff = datetime.datetime.now().timestamp() - RETAIN_DAYS * 86400
    removed = 0
    for name in os.listdir(dest_dir):
        path = os.path.join(dest_dir, name)
        if name.endswith(".tar.gz") and os.path.getmtime(path) < cutoff:
            os.remove(path)
            removed += 1
    return removed


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    term = current_term(datetime.date.today())
    dest_dir = os.path.join(BACKUP_ROOT, term)
    os.makedirs(dest_dir, exist_ok=True)

    conn = psycopg2.connect(DB_DSN)
    try:
        sites = active_sites(conn, term)
    finally:
        conn.close()

    failures = 0
    for slug, owner in sites:
        if not archive_site(slug, dest_dir):
            failures += 1
    log.info("archived %d sites (%d failures), pruned %d old archives",
             len(sites) - failures, failures, prune_old(dest_dir))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
