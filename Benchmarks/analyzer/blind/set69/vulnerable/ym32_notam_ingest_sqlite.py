"""Cron job pulling the FAA/EAD NOTAM feed into the local briefing cache.

New and replacement NOTAMs are upserted; cancellations (NOTAMC) remove the
referenced notice.
"""
import argparse
import logging
import os
import sqlite3
import sys

import requests

log = logging.getLogger("notam.ingest")

FEED_URL = os.environ.get("NOTAM_FEED_URL", "https://notams.feed.example.net/v1/notams")
FEED_KEY = os.environ.get("NOTAM_FEED_KEY", "")
CACHE_DB = os.environ.get("NOTAM_CACHE_DB", "/var/lib/briefing/notams.db")

SCHEMA = """
CREATE TABLE IF NOT EXISTS notams (
    id TEXT PRIMARY KEY, location TEXT, effective TEXT, expires TEXT,
    qcode TEXT, body TEXT
)
"""


def fetch_feed(locations):
    resp = requests.get(
        FEED_URL,
        params={"locations": ",".join(locations), "format": "json"},
        headers={"X-Api-Key": FEED_KEY},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json().get("items", [])


def upsert(conn, notice):
    values = (notice["id"], notice["location"], notice.get("effective", ""),
              notice.get("expires", "PERM"), notice.get("qcode", ""),
              notice.get("text", "").replace("'", "''"))
    sql = ("INSERT OR REPLACE INTO notams (id, location, effective, expires, qcode, body) "
           "VALUES ('%s', '%s', '%s', '%s', '%s', '%s')" % values)
    conn.execute(sql)  # VULN flow


def cancel(conn, ref):
    conn.execute("DELETE FROM notams WHERE id = '%s'" % ref)  # VULN flow


def ingest(conn, items):
    added = cancelled = 0
    for notice in items:
        if notice.get("type") == "C" and notice.get("cancels"):
            cancel(conn, notice["cancels"])
            cancelled += 1
        else:
            upsert(conn, notice)
            added += 1
    conn.commit()
    return added, cancelled


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("locations", nargs="+", help="ICAO location indicators")
    args = parser.parse_args(argv)
    try:
        items = fetch_feed([loc.upper() for loc in args.locations])
    except requests.RequestException as exc:
        log.error("feed unavailable: %r", exc)
        return 2
    with sqlite3.connect(CACHE_DB) as conn:
        conn.execute(SCHEMA)
        added, cancelled = ingest(conn, items)
    log.info("notam ingest: %d upserted, %d cancelled", added, cancelled)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())
