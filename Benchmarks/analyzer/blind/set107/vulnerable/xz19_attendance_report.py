#!/usr/bin/env python3
"""Monthly attendance report job (cron: 0 2 1 * *).

Builds a per-club CSV of visits and class attendance for the previous month
and uploads it to the reporting bucket.
"""
import csv
import datetime as dt
import logging
import os
import sqlite3
import sys
import tempfile

import boto3

log = logging.getLogger("reports.attendance")

DB_PATH = os.environ.get("GYMHUB_DB", "/var/lib/gymhub/gymhub.db")
BUCKET = os.environ.get("REPORT_BUCKET", "gymhub-reports")

QUERY = """
SELECT m.id, m.name, m.tier, COUNT(v.id) AS visits, COUNT(DISTINCT b.class_id) AS classes
FROM members m
LEFT JOIN visits v ON v.member_id = m.id AND v.ts >= ? AND v.ts < ?
LEFT JOIN bookings b ON b.member_id = m.id AND b.attended = 1 AND b.ts >= ? AND b.ts < ?
WHERE m.club_id = ?
GROUP BY m.id ORDER BY visits DESC
"""


def previous_month(today: dt.date):
    first_this = today.replace(day=1)
    last_prev = first_this - dt.timedelta(days=1)
    return last_prev.replace(day=1), first_this


def fetch_rows(club_id: int, start: dt.date, end: dt.date):
    with sqlite3.connect(DB_PATH) as conn:
        args = (start.isoformat(), end.isoformat()) * 2 + (club_id,)
        return conn.execute(QUERY, args).fetchall()


def build_csv(rows) -> str:
    path = tempfile.mktemp(prefix="attendance_", suffix=".csv")  # VULN
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["member_id", "name", "tier", "visits", "classes"])
        writer.writerows(rows)
    return path


def upload(path: str, club_id: int, start: dt.date) -> str:
    key = f"attendance/{start:%Y-%m}/club_{club_id}.csv"
    boto3.client("s3").upload_file(path, BUCKET, key)
    return key


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    start, end = previous_month(dt.date.today())
    club_ids = [int(c) for c in os.environ.get("CLUB_IDS", "1").split(",")]
    for club_id in club_ids:
        rows = fetch_rows(club_id, start, end)
        path = build_csv(rows)
        try:
            key = upload(path, club_id, start)
            log.info("club %d: %d members -> s3://%s/%s", club_id, len(rows), BUCKET, key)
        finally:
            os.remove(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
