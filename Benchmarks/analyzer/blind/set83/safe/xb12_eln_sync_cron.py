#!/usr/bin/env python3
"""Nightly job: copy signed ELN experiments into the LIMS reporting schema."""
import json
import logging
import os
import sys
from datetime import datetime, timedelta, timezone

import psycopg2
import requests

log = logging.getLogger("eln-sync")

ELN_BASE = "https://eln.pharma-internal.com/api/v2"
ELN_API_KEY = os.environ["ELN_API_KEY"]
PG_DSN = os.environ.get("ELN_SYNC_DSN", "host=lims-db.internal dbname=lims_reporting user=eln_sync")
PAGE_SIZE = 100
LOOKBACK = timedelta(days=1, hours=2)

UPSERT = """
INSERT INTO eln_experiments (eln_id, title, author, project_code, signed_at, payload)
VALUES (%s, %s, %s, %s, %s, %s)
ON CONFLICT (eln_id) DO UPDATE
   SET title = EXCLUDED.title, signed_at = EXCLUDED.signed_at, payload = EXCLUDED.payload
"""


def fetch_signed(since: datetime):
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {ELN_API_KEY}", "Accept": "application/json"})
    page = 1
    while True:
        resp = session.get(
            f"{ELN_BASE}/experiments",
            params={"status": "signed", "modified_after": since.isoformat(),
                    "page": page, "per_page": PAGE_SIZE},
            timeout=30,
        )
        resp.raise_for_status()
        batch = resp.json().get("items", [])
        yield from batch
        if len(batch) < PAGE_SIZE:
            return
        page += 1


def row_for(exp: dict) -> tuple:
    return (
        exp["id"],
        exp.get("title", "")[:500],
        exp.get("author", {}).get("username"),
        exp.get("project", {}).get("code"),
        exp.get("signed_at"),
        json.dumps(exp),
    )


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    since = datetime.now(timezone.utc) - LOOKBACK
    count = 0
    # password comes from PGPASSWORD / ~/.pgpass on the cron host
    conn = psycopg2.connect(PG_DSN)
    try:
        with conn, conn.cursor() as cur:
            for exp in fetch_signed(since):
                cur.execute(UPSERT, row_for(exp))
                count += 1
    except requests.HTTPError as exc:
        log.error("ELN API error: %s", exc)
        return 2
    finally:
        conn.close()
    log.info("synced %d experiments modified since %s", count, since.isoformat())
    return 0


if __name__ == "__main__":
    sys.exit(main())
