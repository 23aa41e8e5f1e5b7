"""Nightly job: export open support tickets to CSV and push them to the BI bucket."""
import csv
import datetime as dt
import logging
import os
import sqlite3
import tempfile

import boto3

log = logging.getLogger("ticket_export")

DB_PATH = os.environ.get("HELPDESK_DB", "/var/lib/helpdesk/helpdesk.db")
BUCKET = os.environ.get("BI_BUCKET", "bi-landing")
COLUMNS = ["id", "subject", "priority", "assignee", "opened_at", "updated_at"]


def fetch_open_tickets(conn):
    cur = conn.execute(
        "SELECT id, subject, priority, assignee, opened_at, updated_at "
        "FROM tickets WHERE status = 'open' ORDER BY priority DESC, opened_at"
    )
    return cur.fetchall()


def write_csv(rows):
    fd, path = tempfile.mkstemp(suffix=".csv", prefix="tickets_")
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def upload(path, day):
    key = f"helpdesk/open_tickets/{day:%Y/%m/%d}/tickets.csv"
    boto3.client("s3").upload_file(path, BUCKET, key)
    return key


def main():
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(DB_PATH)
    try:
        rows = fetch_open_tickets(conn)
    finally:
        conn.close()
    path = write_csv(rows)
    try:
        key = upload(path, dt.date.today())
        log.info("uploaded %d tickets to s3://%s/%s", len(rows), BUCKET, key)
    finally:
        os.remove(path)


if __name__ == "__main__":
    main()
