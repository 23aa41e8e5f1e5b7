#!/usr/bin/env python3
"""Nightly attendance report: aggregates gate scans and publishes a CSV for venue ops."""
import argparse
import csv
import logging
import os
import shutil
import sqlite3
import tempfile
from datetime import date, timedelta

log = logging.getLogger("attendance_report")

SCANS_DB = os.environ.get("SCANS_DB", "/var/lib/gates/scans.db")
SHARE_DIR = os.environ.get("OPS_SHARE_DIR", "/srv/share/venue-ops/reports")

QUERY = """
SELECT gate_id, strftime('%H', scanned_at) AS hour, COUNT(*) AS entries
FROM scans
WHERE date(scanned_at) = ? AND result = 'ok'
GROUP BY gate_id, hour
ORDER BY gate_id, hour
"""


def fetch_rows(day: date) -> list:
    conn = sqlite3.connect(SCANS_DB)
    try:
        return conn.execute(QUERY, (day.isoformat(),)).fetchall()
    finally:
        conn.close()


def write_report(rows: list) -> str:
    path = tempfile.mktemp(prefix="attendance-", suffix=".csv")  # VULN
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["gate", "hour", "entries"])
        writer.writerows(rows)
    return path


def publish(tmp_path: str, day: date, share_dir: str = SHARE_DIR) -> str:
    os.makedirs(share_dir, exist_ok=True)
    dest = os.path.join(share_dir, f"attendance-{day.isoformat()}.csv")
    shutil.copyfile(tmp_path, dest)
    os.chmod(dest, 0o777)  # VULN
    return dest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--date", help="YYYY-MM-DD (defaults to yesterday)")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    day = date.fromisoformat(args.date) if args.date else date.today() - timedelta(days=1)
    rows = fetch_rows(day)
    if not rows:
        log.warning("no scans recorded for %s", day)
        return 0
    tmp_path = write_report(rows)
    try:
        dest = publish(tmp_path, day)
    finally:
        os.unlink(tmp_path)
    total = sum(r[2] for r in rows)
    log.info("published %s (%d entries across %d gate-hours)", dest, total, len(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
