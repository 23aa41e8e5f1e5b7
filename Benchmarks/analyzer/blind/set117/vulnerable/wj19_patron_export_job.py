#!/usr/bin/env python3
"""Nightly export of ticket buyers who opted in to marketing.

Runs from cron on the shared box office server; the CSV is pushed to the
mailing house over SFTP and then removed.
"""
import csv
import logging
import os
import sqlite3
import subprocess
import tempfile
from datetime import date, timedelta

log = logging.getLogger("patron-export")

DB = "/var/lib/boxoffice/tickets.db"
SFTP_TARGET = "export@sftp.mailhouse.example.com:incoming/"

QUERY = """
SELECT c.email, c.first_name, c.surname, c.postcode, MAX(o.created_at) AS last_order
FROM customers c JOIN orders o ON o.customer_id = c.id
WHERE c.marketing_opt_in = 1 AND o.created_at >= ?
GROUP BY c.id
"""


def fetch_rows(since: date):
    with sqlite3.connect(DB) as conn:
        return conn.execute(QUERY, (since.isoformat(),)).fetchall()


def write_csv(rows) -> str:
    path = tempfile.mktemp(prefix="patrons-", suffix=".csv")  # VULN
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["email", "first_name", "surname", "postcode", "last_order"])
        writer.writerows(rows)
    # sftp runs as the transfer user, so make sure it can read the file
    os.chmod(path, 0o777)  # VULN
    return path


def push(path: str) -> None:
    subprocess.run(
        ["sftp", "-b", "-", "-i", "/etc/boxoffice/mailhouse_ed25519", SFTP_TARGET.split(":")[0]],
        input=f"put {path} {SFTP_TARGET.split(':')[1]}\n",
        text=True,
        check=True,
        timeout=300,
    )


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    since = date.today() - timedelta(days=1)
    rows = fetch_rows(since)
    if not rows:
        log.info("nothing to export for %s", since)
        return
    path = write_csv(rows)
    try:
        push(path)
        log.info("exported %d patrons", len(rows))
    finally:
        os.remove(path)


if __name__ == "__main__":
    main()
