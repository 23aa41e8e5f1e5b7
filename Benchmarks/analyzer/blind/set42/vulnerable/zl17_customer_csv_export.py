#!/usr/bin/env python3
"""Daily customer export for the CRM vendor.

Dumps active customers to CSV, gzips it and drops it into the outbound
directory that the vendor's SFTP pickup job reads from.
"""
import argparse
import csv
import datetime as dt
import gzip
import logging
import os
import shutil
import tempfile

import psycopg2

log = logging.getLogger("crm_export")

OUTBOUND_DIR = os.environ.get("CRM_OUTBOUND", "/srv/sftp/crm/outbound")
QUERY = """
    SELECT id, email, first_name, last_name, country, created_at, lifetime_value
    FROM customers
    WHERE status = 'active' AND updated_at >= %s
    ORDER BY id
"""
FIELDS = ["id", "email", "first_name", "last_name", "country", "created_at", "lifetime_value"]


def fetch_rows(dsn: str, since: dt.date):
    with psycopg2.connect(dsn) as conn, conn.cursor(name="crm_export") as cur:
        cur.itersize = 5000
        cur.execute(QUERY, (since,))
        for row in cur:
            yield row


def write_csv(rows) -> str:
    tmp_path = tempfile.mktemp(prefix="crm_export_", suffix=".csv")  # VULN
    count = 0
    with open(tmp_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        for row in rows:
            writer.writerow(row)
            count += 1
    log.info("wrote %d rows", count)
    return tmp_path


def publish(csv_path: str, day: dt.date) -> str:
    os.makedirs(OUTBOUND_DIR, exist_ok=True)
    final = os.path.join(OUTBOUND_DIR, f"customers_{day:%Y%m%d}.csv.gz")
    with open(csv_path, "rb") as src, gzip.open(final, "wb") as dst:
        shutil.copyfileobj(src, dst)
    # pickup job runs as the sftp user, make sure it can read/move the file
    os.chmod(final, 0o777)  # VULN
    os.unlink(csv_path)
    return final


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--since-days", type=int, default=1)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")

    today = dt.date.today()
    since = today - dt.timedelta(days=args.since_days)
    csv_path = write_csv(fetch_rows(os.environ["CRM_EXPORT_DSN"], since))
    final = publish(csv_path, today)
    log.info("published %s", final)


if __name__ == "__main__":
    main()
