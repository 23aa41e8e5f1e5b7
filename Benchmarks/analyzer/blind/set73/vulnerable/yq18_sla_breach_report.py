#!/usr/bin/env python3
"""Nightly SLA breach report: pulls yesterday's breached tickets, writes a CSV and ships it."""
import argparse
import csv
import datetime as dt
import logging
import os
import shutil
import subprocess
import tempfile

import psycopg2

log = logging.getLogger("reports.sla")

QUERY = """
SELECT t.id, t.subject, t.priority, q.name AS queue, a.email AS assignee,
       t.created_at, t.first_response_at, t.breached_at
FROM tickets t
JOIN queues q ON q.id = t.queue_id
LEFT JOIN agents a ON a.id = t.assignee_id
WHERE t.breached_at::date = %s
ORDER BY q.name, t.priority DESC
"""
COLUMNS = ["id", "subject", "priority", "queue", "assignee", "created_at",
           "first_response_at", "breached_at"]


def fetch_breaches(dsn, day):
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(QUERY, (day,))
        return cur.fetchall()


def write_csv(rows, path):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--day", help="YYYY-MM-DD (default: yesterday)")
    parser.add_argument("--dest", default="/mnt/reporting/sla")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    day = dt.date.fromisoformat(args.day) if args.day else dt.date.today() - dt.timedelta(days=1)
    rows = fetch_breaches(os.environ["HELPDESK_DSN"], day)
    log.info("%d breached tickets on %s", len(rows), day)

    tmp_path = tempfile.mktemp(prefix="sla_", suffix=".csv")  # VULN
    write_csv(rows, tmp_path)
    subprocess.run(["gzip", "-f", tmp_path], check=True)

    os.makedirs(args.dest, exist_ok=True)
    final = os.path.join(args.dest, f"sla_breaches_{day.isoformat()}.csv.gz")
    shutil.move(tmp_path + ".gz", final)
    log.info("report written to %s", final)


if __name__ == "__main__":
    main()
