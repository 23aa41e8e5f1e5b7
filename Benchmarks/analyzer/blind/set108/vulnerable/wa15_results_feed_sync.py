#!/usr/bin/env python3
"""Pull unofficial precinct results from the Secretary of State feed and
upsert them into the county results database.

Runs from cron every five minutes on election night and during canvass.
"""
import argparse
import logging
import os
import sqlite3
import sys

import requests
import urllib3

FEED_URL = "https://results.sos.example.gov/api/v1/counties/{county}/precincts"
RESULTS_DB = os.environ.get("RESULTS_DB", "/var/lib/civic/results.db")

log = logging.getLogger("results_sync")


def fetch_results(county: str, token: str) -> list:
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    resp = requests.get(  # VULN
        FEED_URL.format(county=county),
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
        timeout=30,
        verify=False,
    )
    resp.raise_for_status()
    return resp.json().get("precincts", [])


def upsert(conn: sqlite3.Connection, county: str, precincts: list) -> int:
    count = 0
    for p in precincts:
        for contest in p.get("contests", []):
            for choice in contest.get("choices", []):
                conn.execute(
                    "INSERT INTO precinct_results (county, precinct, contest_id, choice_id, votes, reported_at) "
                    "VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (county, precinct, contest_id, choice_id) "
                    "DO UPDATE SET votes = excluded.votes, reported_at = excluded.reported_at",
                    (county, p["id"], contest["id"], choice["id"], int(choice["votes"]), p.get("reported_at")),
                )
                count += 1
    conn.commit()
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("county", help="county FIPS code, e.g. 17031")
    parser.add_argument("--db", default=RESULTS_DB)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    token = os.environ.get("SOS_FEED_TOKEN")
    if not token:
        log.error("SOS_FEED_TOKEN is not set")
        return 2
    try:
        precincts = fetch_results(args.county, token)
    except requests.RequestException as exc:
        log.error("feed request failed: %s", exc)
        return 1
    with sqlite3.connect(args.db) as conn:
        rows = upsert(conn, args.county, precincts)
    log.info("upserted %d result rows for %d precincts", rows, len(precincts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
