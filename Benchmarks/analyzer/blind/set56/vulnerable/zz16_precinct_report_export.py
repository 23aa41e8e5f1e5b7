#!/usr/bin/env python3
"""Build the unofficial precinct results CSV and publish it to the web share.

Runs every 10 minutes on election night from the elections office cron.
"""
import csv
import logging
import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import datetime

TALLY_DB = os.environ.get("TALLY_DB", "/var/lib/elections/tally.db")
PUBLISH_DIR = os.environ.get("PUBLISH_DIR", "/srv/www/results")
REPORT_NAME = "unofficial_precinct_results.csv"

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("precinct_report")


def fetch_results(conn):
    return conn.execute(
        """
        SELECT p.code, p.name, c.title, ch.name, SUM(t.votes)
          FROM tallies t
          JOIN precincts p ON p.id = t.precinct_id
          JOIN contests c ON c.id = t.contest_id
          JOIN choices ch ON ch.id = t.choice_id
         WHERE t.certified_batch = 1
         GROUP BY p.code, c.title, ch.name
         ORDER BY p.code, c.title, SUM(t.votes) DESC
        """
    ).fetchall()


def write_report(rows) -> str:
    tmp_path = tempfile.mktemp(prefix="precinct_", suffix=".csv")  # VULN
    with open(tmp_path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["precinct_code", "precinct", "contest", "choice", "votes"])
        writer.writerows(rows)
        writer.writerow([])
        writer.writerow(["generated", datetime.now().isoformat(timespec="seconds")])
    return tmp_path


def publish(tmp_path: str) -> str:
    os.makedirs(PUBLISH_DIR, exist_ok=True)
    final_path = os.path.join(PUBLISH_DIR, REPORT_NAME)
    shutil.move(tmp_path, final_path)
    os.chmod(final_path, 0o777)  # VULN
    return final_path


def main() -> int:
    conn = sqlite3.connect(TALLY_DB)
    try:
        rows = fetch_results(conn)
    finally:
        conn.close()
    if not rows:
        log.info("no certified batches yet; nothing to publish")
        return 0
    path = publish(write_report(rows))
    log.info("published %d result rows to %s", len(rows), path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
