#!/usr/bin/env python3
"""Nightly import of partner threat-intel feeds (YAML bundles) into the IOC store.

Run from cron:  15 2 * * *  /opt/ti/bin/feed_loader.py --db /var/lib/ti/ioc.db
"""
import argparse
import logging
import sqlite3
import sys
from datetime import datetime, timezone

import requests
import yaml

FEEDS = {
    "isac": "https://feeds.fin-isac.example/ioc/daily.yaml",
    "partner-a": "https://intel.partner-a.example/export/indicators.yaml",
    "osint": "https://raw.githubusercontent.com/example-org/osint-iocs/main/latest.yaml",
}
VALID_TYPES = {"ipv4", "ipv6", "domain", "url", "sha256", "md5"}

log = logging.getLogger("feed_loader")


def fetch_feed(url: str) -> str:
    resp = requests.get(url, timeout=30, headers={"Accept": "application/x-yaml"})
    resp.raise_for_status()
    return resp.text


def parse_bundle(text: str) -> list:
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict):
        raise ValueError("bundle root must be a mapping")
    indicators = doc.get("indicators") or []
    return [i for i in indicators if isinstance(i, dict) and i.get("type") in VALID_TYPES]


def store(conn: sqlite3.Connection, feed: str, indicators: list) -> int:
    now = datetime.now(timezone.utc).isoformat()
    rows = [
        (i["type"], str(i["value"]).strip(), feed, int(i.get("confidence", 50)), now)
        for i in indicators
        if i.get("value")
    ]
    conn.executemany(
        "INSERT OR REPLACE INTO iocs (type, value, feed, confidence, seen_at) VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    return len(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", default="/var/lib/ti/ioc.db")
    ap.add_argument("--feed", action="append", choices=sorted(FEEDS), help="limit to these feeds")
    args = ap.parse_args(argv)

    conn = sqlite3.connect(args.db)
    failures = 0
    for name in args.feed or FEEDS:
        try:
            raw = fetch_feed(FEEDS[name])
            indicators = parse_bundle(raw)
            count = store(conn, name, indicators)
            log.info("%s: stored %d indicators", name, count)
        except (requests.RequestException, ValueError, yaml.YAMLError) as exc:
            failures += 1
            log.error("%s: import failed: %r", name, exc)
    conn.close()
    return 1 if failures else 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    sys.exit(main())
