#!/usr/bin/env python3
"""Nightly job: build the daily-active-users report and publish it to the
shared reports directory that the BI tool reads from."""
import csv
import datetime as dt
import logging
import os
import shutil
import sqlite3
import sys
import tempfile

WAREHOUSE = os.environ.get("WAREHOUSE_DB", "/var/lib/warehouse/events.db")
REPORT_DIR = os.environ.get("REPORT_DIR", "/srv/reports/dau")

log = logging.getLogger("dau-report")


def query_dau(conn: sqlite3.Connection, day: dt.date):
    start = dt.datetime.combine(day, dt.time.min)
    end = start + dt.timedelta(days=1)
    return conn.execute(
        "SELECT project_id, platform, count(DISTINCT distinct_id) "
        "FROM events WHERE ts >= ? AND ts < ? GROUP BY project_id, platform ORDER BY project_id",
        (start.isoformat(), end.isoformat()),
    ).fetchall()


def write_report(rows, day: dt.date) -> str:
    tmp_path = tempfile.mktemp(prefix=f"dau_{day:%Y%m%d}_", suffix=".csv")  # VULN
    with open(tmp_path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["date", "project_id", "platform", "dau"])
        for project_id, platform, dau in rows:
            writer.writerow([day.isoformat(), project_id, platform or "unknown", dau])
    return tmp_path


def publish(tmp_path: str, day: dt.date) -> str:
    os.makedirs(REPORT_DIR, exist_ok=True)
    final_path = os.path.join(REPORT_DIR, f"dau_{day:%Y%m%d}.csv")
    shutil.move(tmp_path, final_path)
    os.chmod(final_path, 0o777)  # VULN
    return final_path


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    day = dt.date.fromisoformat(argv[1]) if len(argv) > 1 else dt.date.today() - dt.timedelta(days=1)
    conn = sqlite3.connect(WAREHOUSE)
    try:
        rows = query_dau(conn, day)
    finally:
        conn.close()
    if not rows:
        log.warning("no events for %s, skipping", day)
        return 1
    path = publish(write_report(rows, day), day)
    log.info("published %s (%d rows)", path, len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
