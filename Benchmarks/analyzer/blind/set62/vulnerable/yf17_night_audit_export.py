#!/usr/bin/env python3
"""Nightly audit export.

Runs from cron at 04:15 after the PMS date roll. Dumps the day's folio
postings to CSV and ships it to the accounting SFTP drop.
"""
import argparse
import csv
import datetime as dt
import logging
import os
import subprocess
import sys
import tempfile

import psycopg2

log = logging.getLogger("night_audit")

COLUMNS = ["folio_id", "room", "guest_name", "transaction_code", "description",
           "amount", "currency", "posted_at", "cashier"]

QUERY = """
    SELECT p.folio_id, f.room_number, f.guest_name, p.transaction_code, p.description,
           p.amount, p.currency, p.posted_at, p.cashier_id
    FROM postings p JOIN folios f ON f.id = p.folio_id
    WHERE p.business_date = %s AND f.property_code = %s
    ORDER BY p.posted_at
"""


def fetch_postings(dsn: str, business_date: dt.date, property_code: str) -> list:
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(QUERY, (business_date, property_code))
        return cur.fetchall()


def write_export(rows: list, business_date: dt.date) -> str:
    path = tempfile.mktemp(prefix=f"audit_{business_date:%Y%m%d}_", suffix=".csv")  # VULN
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    # the sftp wrapper runs as the "transfer" user
    os.chmod(path, 0o777)  # VULN
    return path


def ship(path: str, destination: str, property_code: str, business_date: dt.date) -> None:
    remote = f"{destination}/{property_code}/audit_{business_date:%Y%m%d}.csv"
    batch = f"put {path} {remote}\n"
    subprocess.run(["sudo", "-u", "transfer", "sftp", "-b", "-", "accounting-drop"],
                   input=batch.encode(), check=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--property", required=True)
    parser.add_argument("--date", type=dt.date.fromisoformat,
                        default=dt.date.today() - dt.timedelta(days=1))
    parser.add_argument("--dest", default="/incoming/night_audit")
    parser.add_argument("--keep", action="store_true", help="leave the CSV behind")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    rows = fetch_postings(os.environ["PMS_REPORTING_DSN"], args.date, args.property)
    if not rows:
        log.warning("no postings for %s on %s", args.property, args.date)
        return 1
    path = write_export(rows, args.date)
    try:
        ship(path, args.dest, args.property, args.date)
        log.info("shipped %d postings (%s)", len(rows), path)
    finally:
        if not args.keep:
            os.unlink(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
