#!/usr/bin/env python3
"""Nightly animal-care summary.

Pulls the day's care log entries (feeds, weights, behaviour notes, vet
observations) and drops a CSV on the curators' shared drive.
"""
import csv
import logging
import os
import shutil
import sqlite3
import tempfile
from datetime import date, timedelta

log = logging.getLogger("care_report")

CARE_DB = "/var/lib/zoo/care_log.db"
SHARE_DIR = "/mnt/curators/daily-care"
COLUMNS = ["logged_at", "section", "animal_id", "house_name", "entry_type", "keeper", "detail"]


def fetch_entries(day: date) -> list[tuple]:
    conn = sqlite3.connect(CARE_DB)
    try:
        return conn.execute(
            "SELECT logged_at, section, animal_id, house_name, entry_type, keeper, detail "
            "FROM care_entries WHERE date(logged_at) = ? ORDER BY section, logged_at",
            (day.isoformat(),),
        ).fetchall()
    finally:
        conn.close()


def build_report(rows: list[tuple]) -> str:
    with tempfile.NamedTemporaryFile(
        "w", prefix="care-report-", suffix=".csv", newline="", delete=False
    ) as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        return fh.name


def publish(path: str, day: date) -> str:
    target_dir = os.path.join(SHARE_DIR, day.strftime("%Y-%m"))
    os.makedirs(target_dir, mode=0o750, exist_ok=True)
    final = os.path.join(target_dir, f"care-{day.isoformat()}.csv")
    shutil.move(path, final)
    os.chmod(final, 0o640)
    return final


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    day = date.today() - timedelta(days=1)
    rows = fetch_entries(day)
    if not rows:
        log.warning("no care entries for %s", day)
        return
    tmp = build_report(rows)
    final = publish(tmp, day)
    log.info("wrote %d entries to %s", len(rows), final)


if __name__ == "__main__":
    main()
