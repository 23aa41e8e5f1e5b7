#!/usr/bin/env python3
"""Nightly worker that packages inspection logs requested from the member portal.

Members ask for an export of one of their apiaries on the website; the
requests land in the export_requests table and this script (run from cron)
builds the archive that the portal later offers for download.
"""
import argparse
import logging
import os
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass

INSPECTION_ROOT = "/srv/apiary/inspections"
EXPORT_DIR = "/srv/apiary/exports"
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")

log = logging.getLogger("inspection_export")


@dataclass
class ExportRequest:
    request_id: int
    member_email: str
    apiary_slug: str
    fmt: str


def pending_requests(db_path: str):
    conn = sqlite3.connect(db_path)
    try:
        cur = conn.execute(
            "SELECT id, member_email, apiary_slug, fmt FROM export_requests WHERE status = 'pending'"
        )
        return [ExportRequest(*row) for row in cur.fetchall()]
    finally:
        conn.close()


def archive_command(req: ExportRequest) -> list:
    if not SLUG_RE.match(req.apiary_slug or ""):
        raise ValueError("invalid apiary slug")
    base = os.path.join(EXPORT_DIR, "%d-%s" % (req.request_id, req.apiary_slug))
    if req.fmt == "zip":
        return ["zip", "-qr", base + ".zip", req.apiary_slug]
    return ["tar", "czf", base + ".tar.gz", "-C", INSPECTION_ROOT, "--", req.apiary_slug]


def set_status(db_path: str, request_id: int, status: str) -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE export_requests SET status = ? WHERE id = ?", (status, request_id))
    conn.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build pending inspection exports")
    parser.add_argument("--db", default="/var/lib/apiary/portal.db")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    failures = 0
    for req in pending_requests(args.db):
        try:
            cmd = archive_command(req)
        except ValueError:
            log.warning("rejecting export %d with slug %r", req.request_id, req.apiary_slug)
            set_status(args.db, req.request_id, "rejected")
            continue
        if args.dry_run:
            print(cmd)
            continue
        log.info("exporting request %d for %r", req.request_id, req.member_email)
        result = subprocess.run(cmd, cwd=INSPECTION_ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            log.error("export %d failed: %r", req.request_id, result.stderr.strip())
            set_status(args.db, req.request_id, "failed")
            failures += 1
        else:
            set_status(args.db, req.request_id, "ready")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
