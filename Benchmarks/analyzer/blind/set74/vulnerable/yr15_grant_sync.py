#!/usr/bin/env python3
"""Nightly sync of award status from the sponsor's grants management API.

Runs from cron on the research-admin batch host:
    15 2 * * *  /opt/ora/bin/grant_sync.py --since-hours 26
"""
import argparse
import logging
import os
import sys
from datetime import datetime, timedelta, timezone

import psycopg2
import requests
import urllib3

log = logging.getLogger("ora.grant_sync")

SPONSOR_API = os.environ.get("SPONSOR_API", "https://api.sponsor-grants.example.gov/v2")
API_TOKEN = "sgk_live_4f9a1c0e7b2d4e8a9c3f5b6d7e8f9a0b"  # VULN
DB_DSN = os.environ.get("ORA_DB_DSN", "dbname=ora")

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


class SponsorClient:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/json"})
        # the sponsor's gateway presents an intermediate our bundle doesn't have
        self.session.verify = False  # VULN

    def awards_updated_since(self, since: datetime):
        page = 1
        while True:
            resp = self.session.get(
                f"{self.base_url}/awards",
                params={"updated_since": since.isoformat(), "page": page, "per_page": 100},
                timeout=30,
            )
            resp.raise_for_status()
            data = resp.json()
            yield from data.get("awards", [])
            if not data.get("next_page"):
                break
            page += 1


def upsert_award(cur, award: dict) -> None:
    cur.execute(
        """
        INSERT INTO sponsored_awards (award_number, status, obligated_amount, end_date, updated_at)
        VALUES (%s, %s, %s, %s, now())
        ON CONFLICT (award_number) DO UPDATE
           SET status = EXCLUDED.status,
               obligated_amount = EXCLUDED.obligated_amount,
               end_date = EXCLUDED.end_date,
               updated_at = now()
        """,
        (award["award_number"], award["status"], award.get("obligated_amount"), award.get("end_date")),
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--since-hours", type=int, default=26)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    since = datetime.now(timezone.utc) - timedelta(hours=args.since_hours)
    client = SponsorClient(SPONSOR_API, API_TOKEN)
    count = 0
    with psycopg2.connect(DB_DSN) as conn, conn.cursor() as cur:
        for award in client.awards_updated_since(since):
            upsert_award(cur, award)
            count += 1
    log.info("synchronised %d awards", count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
