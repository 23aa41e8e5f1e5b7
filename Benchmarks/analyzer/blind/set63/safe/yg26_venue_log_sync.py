#!/usr/bin/env python3
"""Cron job: pull turnstile / POS logs from each venue's edge box into the archive.

Venue records (edge host, user, log path) are maintained by venue managers in
the venues admin app and fetched from its API on every run.
"""
import logging
import os
import re
import subprocess
import sys
from datetime import datetime, timezone

import psycopg2
import requests

log = logging.getLogger("venue_log_sync")

VENUES_API = "https://venues.internal.example.com/api/v1/venues"
ARCHIVE_ROOT = "/archive/venue-logs"
DB_HOST = "ops-db.internal.example.com"
DB_USER = "logsync"
DB_PASSWORD = os.environ.get("LOGSYNC_DB_PASSWORD", "")

HOST_RE = re.compile(r"^[a-z0-9][a-z0-9.-]{0,252}$")
USER_RE = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")
PATH_RE = re.compile(r"^/[A-Za-z0-9._/-]{1,200}$")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def fetch_venues(token: str) -> list:
    resp = requests.get(VENUES_API, headers={"Authorization": f"Bearer {token}"}, timeout=20)
    resp.raise_for_status()
    return resp.json()["venues"]


def sync_venue(venue: dict, archive_root: str = ARCHIVE_ROOT) -> int:
    if not (USER_RE.match(venue["edge_user"]) and HOST_RE.match(venue["edge_host"])
            and PATH_RE.match(venue["log_path"]) and SLUG_RE.match(venue["slug"])):
        raise ValueError("venue record has invalid sync settings")
    remote = f"{venue['edge_user']}@{venue['edge_host']}:{venue['log_path']}/"
    local = os.path.join(archive_root, venue["slug"])
    os.makedirs(local, exist_ok=True)
    cmd = ["rsync", "-az", "--timeout=60", "--", remote, f"{local}/"]
    return subprocess.call(cmd)


def record_run(results: dict) -> None:
    conn = psycopg2.connect(host=DB_HOST, dbname="ops", user=DB_USER, password=DB_PASSWORD)
    try:
        with conn, conn.cursor() as cur:
            now = datetime.now(timezone.utc)
            for slug, rc in results.items():
                cur.execute(
                    "INSERT INTO log_sync_runs (venue_slug, ran_at, exit_code) VALUES (%s, %s, %s)",
                    (slug, now, rc),
                )
    finally:
        conn.close()


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    token = os.environ["VENUES_API_TOKEN"]
    results = {}
    for venue in fetch_venues(token):
        if not venue.get("log_sync_enabled"):
            continue
        try:
            rc = sync_venue(venue)
        except ValueError:
            log.error("skipping venue %r: invalid sync settings", venue.get("slug"))
            rc = -1
        results[venue["slug"]] = rc
        if rc != 0:
            log.error("sync failed for venue %r (rc=%s)", venue["slug"], rc)
    record_run(results)
    return 0 if all(rc == 0 for rc in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
