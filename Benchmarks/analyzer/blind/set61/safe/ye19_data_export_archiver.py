#!/usr/bin/env python3
"""Cron job: package "Download your data" requests into tarballs.

Runs every 10 minutes on the export host. Each request row carries the
archive name the member typed into the settings page.
"""
import logging
import os
import re
import subprocess
import sys
from datetime import date

import psycopg2
import psycopg2.extras

log = logging.getLogger("data_export")

DSN = os.environ.get("EXPORT_DSN", "dbname=social user=exporter host=db-replica")
USER_DATA_ROOT = "/srv/social/userdata"
EXPORT_ROOT = "/srv/social/exports"
LABEL_RE = re.compile(r"[^A-Za-z0-9_-]+")


def pending_requests(conn, limit=20):
    with conn.cursor(cursor_factory=psycopg2.extras.DictCursor) as cur:
        cur.execute(
            "SELECT id, user_id, archive_name FROM export_requests "
            "WHERE status = 'pending' ORDER BY requested_at LIMIT %s",
            (limit,),
        )
        return cur.fetchall()


def archive_path_for(req):
    label = LABEL_RE.sub("-", (req["archive_name"] or "my-data").strip()).strip("-")[:60]
    label = label or "my-data"
    return os.path.join(EXPORT_ROOT, str(int(req["user_id"])), f"{label}-{date.today():%Y%m%d}.tar.gz")


def build_archive(req):
    src = os.path.join(USER_DATA_ROOT, str(int(req["user_id"])))
    dest = archive_path_for(req)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    cmd = ["tar", "-czf", dest, "-C", src, "photos", "posts", "messages", "profile.json"]
    log.debug("export %s: %r", req["id"], cmd)
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip()[:300])
    return dest


def mark(conn, req_id, status, path=None):
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE export_requests SET status = %s, archive_path = %s, finished_at = now() "
            "WHERE id = %s",
            (status, path, req_id),
        )
    conn.commit()


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    conn = psycopg2.connect(DSN)
    failures = 0
    try:
        for req in pending_requests(conn):
            try:
                path = build_archive(req)
            except Exception as exc:  # noqa: BLE001
                failures += 1
                log.error("export %s failed: %s", req["id"], exc)
                mark(conn, req["id"], "failed")
                continue
            mark(conn, req["id"], "ready", path)
            log.info("export %s ready", req["id"])
    finally:
        conn.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
