#!/usr/bin/env python3
"""Nightly cron: archive and purge scratch directories of projects whose allocation expired."""
import argparse
import datetime as dt
import logging
import os
import re
import subprocess
import sys

import psycopg2

SCRATCH = "/scratch/projects"
ARCHIVE = "/archive/expired"
GRACE_DAYS = 30
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")

log = logging.getLogger("scratch-archiver")


def expired_projects(conn, today: dt.date):
    cutoff = today - dt.timedelta(days=GRACE_DAYS)
    with conn.cursor() as cur:
        cur.execute(
            "SELECT short_name, pi_username FROM allocations WHERE end_date < %s AND NOT archived",
            (cutoff,),
        )
        return cur.fetchall()


def archive_project(name: str, dry_run: bool = False) -> str:
    dest = os.path.join(ARCHIVE, f"{name}-{dt.date.today():%Y%m%d}.tar.zst")
    cmd = ["tar", "--use-compress-program=zstd", "-cf", dest, "-C", SCRATCH, "--", name]
    if dry_run:
        log.info("would run: %r", cmd)
        return dest
    rc = subprocess.call(cmd)
    if rc != 0:
        raise RuntimeError(f"tar exited with {rc} for {name!r}")
    return dest


def purge_project(name: str, dry_run: bool = False) -> None:
    path = os.path.join(SCRATCH, name)
    if dry_run:
        log.info("would remove %r", path)
        return
    subprocess.check_call(["rm", "-rf", "--one-file-system", "--", path])


def mark_archived(conn, name: str, dest: str) -> None:
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE allocations SET archived = true, archive_path = %s WHERE short_name = %s",
            (dest, name),
        )
    conn.commit()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dsn", default=os.environ.get("ALLOC_DSN", "dbname=allocations"))
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    conn = psycopg2.connect(args.dsn)
    failures = 0
    for name, pi in expired_projects(conn, dt.date.today()):
        if not NAME_RE.match(name) or not os.path.isdir(os.path.join(SCRATCH, name)):
            log.warning("skipping unexpected project name %r", name)
            continue
        try:
            dest = archive_project(name, args.dry_run)
            purge_project(name, args.dry_run)
            if not args.dry_run:
                mark_archived(conn, name, dest)
            log.info("archived %r (PI %r) to %r", name, pi, dest)
        except (RuntimeError, subprocess.CalledProcessError) as exc:
            failures += 1
            log.error("failed on %r: %r", name, exc)
    conn.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
