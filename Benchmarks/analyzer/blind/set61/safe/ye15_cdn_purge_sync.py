#!/usr/bin/env python3
"""Nightly job: purge CDN cache for photos that were deleted or taken down by moderation."""
import argparse
import logging
import os
import sqlite3
import sys
from datetime import datetime, timedelta, timezone

import requests

log = logging.getLogger("cdn_purge")

CDN_API = "https://api.edgecache.example/v2"
CDN_ZONE = "snapshare-media"
CDN_API_KEY = os.environ["EDGECACHE_API_KEY"]
CA_BUNDLE = os.environ.get("REQUESTS_CA_BUNDLE", True)
BATCH = 100


def removed_photo_keys(db_path, since):
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT storage_key FROM photos WHERE (deleted_at >= ? OR takedown_at >= ?)",
            (since.isoformat(), since.isoformat()),
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def purge(session, keys):
    urls = [f"https://media.snapshare.example/{k}" for k in keys]
    resp = session.post(
        f"{CDN_API}/zones/{CDN_ZONE}/purge",
        json={"files": urls},
        headers={"Authorization": f"Bearer {CDN_API_KEY}"},
        timeout=30,
        verify=CA_BUNDLE,
    )
    resp.raise_for_status()
    return resp.json().get("purged", 0)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="/var/lib/snapshare/catalog.sqlite3")
    parser.add_argument("--hours", type=int, default=24)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    since = datetime.now(timezone.utc) - timedelta(hours=args.hours)
    keys = removed_photo_keys(args.db, since)
    log.info("%d objects to purge since %s", len(keys), since.isoformat())
    if args.dry_run or not keys:
        return 0

    total = 0
    with requests.Session() as session:
        for i in range(0, len(keys), BATCH):
            try:
                total += purge(session, keys[i:i + BATCH])
            except requests.RequestException as exc:
                log.error("purge batch %d failed: %s", i // BATCH, exc)
                return 1
    log.info("purged %d objects", total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
