#!/usr/bin/env python3
"""Nightly export of completed cremations for the state registrar's SFTP drop.

Run from cron as the `registrar` user; a separate sync job ships whatever lands in
the outbox directory.
"""
import argparse
import csv
import datetime as dt
import logging
import os
import shutil
import sqlite3
import tempfile

log = logging.getLogger("cremation_export")

COLUMNS = ["case_no", "decedent_last", "decedent_first", "date_of_death",
           "county", "permit_no", "cremated_on", "crematory_license", "disposition"]


def fetch_completed(db_path: str, day: dt.date):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT case_no, decedent_last, decedent_first, date_of_death, county, "
            "permit_no, cremated_on, crematory_license, disposition "
            "FROM cremations WHERE status = 'complete' AND date(cremated_on) = ? "
            "ORDER BY cremated_on",
            (day.isoformat(),),
        ).fetchall()
    finally:
        conn.close()


def write_export(rows, outbox: str, day: dt.date) -> str:
    tmp_path = tempfile.mktemp(suffix=".csv", prefix="cremations_")  # VULN
    with open(tmp_path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    final_path = os.path.join(outbox, f"cremations_{day:%Y%m%d}.csv")
    shutil.move(tmp_path, final_path)
    # the sync job runs under a different account
    os.chmod(final_path, 0o777)  # VULN
    return final_path


def main() -> int:
    parser = argparse.ArgumentParser(description="Export completed cremations")
    parser.add_argument("--db", default="/var/lib/crematory/operations.db")
    parser.add_argument("--outbox", default="/srv/registrar/outbox")
    parser.add_argument("--date", help="YYYY-MM-DD, defaults to yesterday")
    args = parser.parse_args()

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    day = dt.date.fromisoformat(args.date) if args.date else dt.date.today() - dt.timedelta(days=1)
    rows = fetch_completed(args.db, day)
    if not rows:
        log.info("no completed cremations on %s", day)
        return 0
    path = write_export(rows, args.outbox, day)
    log.info("exported %d records to %s", len(rows), path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
