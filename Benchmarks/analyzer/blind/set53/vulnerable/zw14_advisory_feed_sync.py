#!/usr/bin/env python3
"""Cron job: pull vendor security advisories into the scanner rule DB and
report the run to the SIEM collector."""
import json
import logging
import os
import ssl
import sys
import time
import urllib.request

import requests

from scanner.rules import RuleDB

FEED_URL = os.environ.get("ADVISORY_FEED_URL", "https://advisories.feedvendor.example.com/v3/advisories")
SIEM_URL = os.environ.get("SIEM_COLLECTOR_URL", "https://siem-collector.corp.example.com:8443/ingest")
PAGE_SIZE = 500

log = logging.getLogger("advisory-sync")


class FeedClient:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.verify = False  # VULN

    def pages(self, since: str):
        cursor = None
        while True:
            params = {"modified_since": since, "limit": PAGE_SIZE}
            if cursor:
                params["cursor"] = cursor
            resp = self.session.get(self.base_url, params=params, timeout=60)
            resp.raise_for_status()
            body = resp.json()
            yield body["advisories"]
            cursor = body.get("next_cursor")
            if not cursor:
                return


def report_to_siem(summary: dict) -> None:
    ctx = ssl._create_unverified_context()  # VULN
    req = urllib.request.Request(
        SIEM_URL,
        data=json.dumps(summary).encode("utf-8"),
        headers={"Content-Type": "application/json", "X-Source": "advisory-sync"},
        method="POST",
    )
    with urllib.request.urlopen(req, context=ctx, timeout=15) as resp:
        log.info("siem accepted run summary: %s", resp.status)


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    rules = RuleDB(os.environ.get("RULE_DB", "/var/lib/scanner/rules.db"))
    client = FeedClient(FEED_URL, os.environ["ADVISORY_FEED_TOKEN"])
    started = time.time()
    imported = 0
    for batch in client.pages(rules.last_sync() or "1970-01-01T00:00:00Z"):
        imported += rules.upsert_advisories(batch)
    rules.mark_synced()
    report_to_siem({"job": "advisory-sync", "imported": imported, "seconds": round(time.time() - started, 1)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
