#!/usr/bin/env python3
"""Export body-composition scans to the partner clinic drop folder.

Runs hourly from cron on the scanner host; the clinic's SFTP account picks the
files up from DROP_DIR.
"""
import csv
import datetime as dt
import logging
import os
import sqlite3
import sys

log = logging.getLogger("scan_export")

DB_PATH = os.environ.get("SCANNER_DB", "/var/lib/inbody/scans.db")
DROP_DIR = os.environ.get("CLINIC_DROP_DIR", "/srv/sftp/clinic/incoming")
STATE_FILE = os.path.join(DROP_DIR, ".last_export")
COLUMNS = ["member_id", "scanned_at", "weight_kg", "body_fat_pct", "muscle_kg", "visceral_fat", "bmr"]


def prepare_drop_dir(path: str) -> None:
    os.makedirs(path, exist_ok=True)
    os.chmod(path, 0o750)


def last_export() -> str:
    try:
        with open(STATE_FILE, encoding="utf-8") as fh:
            return fh.read().strip()
    except FileNotFoundError:
        return "1970-01-01T00:00:00"


def fetch_new_scans(since: str):
    with sqlite3.connect(DB_PATH) as conn:
        query = f"SELECT {', '.join(COLUMNS)} FROM scans WHERE scanned_at > ? AND consent_clinic = 1 ORDER BY scanned_at"
        return conn.execute(query, (since,)).fetchall()


def write_export(rows, directory: str) -> str:
    name = f"scans_{dt.datetime.utcnow():%Y%m%dT%H%M%S}.csv"
    path = os.path.join(directory, name)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    os.chmod(path, 0o640)
    return path


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    prepare_drop_dir(DROP_DIR)
    rows = fetch_new_scans(last_export())
    if not rows:
        log.info("no new scans")
        return 0
    path = write_export(rows, DROP_DIR)
    with open(STATE_FILE, "w", encoding="utf-8") as fh:
        fh.write(rows[-1][1])
    log.info("exported %d scans to %s", len(rows), path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
