#!/usr/bin/env python3
"""Nightly worker that packages inspection logs requested from the member portal.

Members ask for an export of one of their apiaries on the website; the
requests land in the export_requests table and this script (run from cron)
builds the archive that the portal later offers for download.
"""
import argparse
import logging
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass

INSPECTION_ROOT = "/srv/apiary/inspections"
EXPORT_DIR = "/srv/apiary/exports"

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


def archive_command(req: ExportRequest) -> str:
    base = os.path.join(EXPORT_DIR, "%d-%s" % (req.request_id, req.apiary_slug))
    if req.fmt == "zip":
        return "cd %s && zip -qr %s.zip %s" % (INSPECTION_ROOT, base, req.apiary_slug)
    return "tar czf %s.tar.gz -C %s %s" % (base, INSPECTION_ROOT, req.apiary_slug)


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
        cmd = archive_command(req)
        if args.dry_run:
            print(cmd)
            continue
        log.info("exporting request %d for %r", req.request_id, req.member_email)
        result = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
        if result.returncode != 0:
            log.error("export %d failed: %r", req.request_id, result.stderr.strip())
            set_status(args.db, req.request_id, "failed")
            failures += 1
        else:
            set_status(args.db, req.request_id, "ready")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
