#!/usr/bin/env python3
"""Export the monthly usage report and publish it to the reporting bucket."""
import argparse
import csv
import logging
import os
import re
import sqlite3
import sys
import tempfile

import boto3

log = logging.getLogger("usage_export")

DB_PATH = os.environ.get("USAGE_DB", "/var/lib/usage/usage.sqlite3")
BUCKET = os.environ.get("REPORT_BUCKET", "acme-usage-reports")
HEADER = ["account_id", "month", "api_calls", "storage_gb", "seats"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("month", help="month to export, e.g. 2024-05")
    parser.add_argument("--dry-run", action="store_true", help="write the file but do not upload it")
    args = parser.parse_args(argv)
    if not re.fullmatch(r"\d{4}-\d{2}", args.month):
        parser.error("month must look like YYYY-MM")
    return args


def fetch_rows(month):
    conn = sqlite3.connect(DB_PATH)
    try:
        return conn.execute(
            "SELECT account_id, month, api_calls, storage_gb, seats FROM monthly_usage "
            "WHERE month = ? ORDER BY account_id",
            (month,),
        ).fetchall()
    finally:
        conn.close()


def write_report(rows):
    fd, path = tempfile.mkstemp(prefix="usage-", suffix=".csv")
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def publish(path, month):
    key = f"usage/{month}/usage-{month}.csv"
    boto3.client("s3").upload_file(path, BUCKET, key, ExtraArgs={"ServerSideEncryption": "AES256"})
    return key


def main(argv=None):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    args = parse_args(argv)
    rows = fetch_rows(args.month)
    path = write_report(rows)
    try:
        if args.dry_run:
            log.info("dry run: %d rows written to %s", len(rows), path)
            return 0
        key = publish(path, args.month)
        log.info("published %d rows to s3://%s/%s", len(rows), BUCKET, key)
    finally:
        if not args.dry_run:
            os.unlink(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
