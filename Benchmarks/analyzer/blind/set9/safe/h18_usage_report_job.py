"""Nightly usage report exporter (run from cron via argparse CLI)."""
import argparse
import csv
import datetime as dt
import logging
import os
import sqlite3
import tempfile

import boto3

logger = logging.getLogger("usage-report")

USAGE_SQL = (
    "SELECT tenant_id, tenant_name, api_calls, storage_gb, billed_eur "
    "FROM daily_usage WHERE usage_date = ? ORDER BY tenant_id"
)


def fetch_usage(db_path: str, day: dt.date) -> list:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(USAGE_SQL, (day.isoformat(),)).fetchall()


def write_report(rows: list) -> str:
    fd, path = tempfile.mkstemp(prefix="usage_", suffix=".csv")
    os.chmod(path, 0o600)
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["tenant_id", "tenant_name", "api_calls", "storage_gb", "billed_eur"])
        writer.writerows(rows)
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="/var/lib/metering/usage.db")
    parser.add_argument("--bucket", default="acme-usage-reports")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today() - dt.timedelta(days=1))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    rows = fetch_usage(args.db, args.date)
    path = write_report(rows)
    try:
        key = f"{args.date:%Y/%m}/usage_{args.date.isoformat()}.csv"
        boto3.client("s3").upload_file(path, args.bucket, key, ExtraArgs={"ServerSideEncryption": "aws:kms"})
        logger.info("uploaded %d rows to s3://%s/%s", len(rows), args.bucket, key)
    finally:
        os.remove(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
