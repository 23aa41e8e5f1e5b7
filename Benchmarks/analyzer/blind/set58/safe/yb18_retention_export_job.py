#!/usr/bin/env python3
"""Nightly export of records reaching end of retention, for the records manager's review.

Writes a CSV of candidate records (including custodian names and claimant
identifiers) to the shared review drop.
"""
import csv
import datetime as dt
import logging
import os
import shutil
import sqlite3
import tempfile

log = logging.getLogger("retention.export")

DB_PATH = os.environ.get("RECORDS_DB", "/var/lib/records/records.db")
DROP_DIR = os.environ.get("REVIEW_DROP", "/srv/shares/records-review")
COLUMNS = ["record_id", "record_class", "custodian", "claimant_ssn_last4", "created", "retain_until"]


def due_records(conn, as_of):
    return conn.execute(
        "SELECT record_id, record_class, custodian, claimant_ssn_last4, created, retain_until "
        "FROM records WHERE retain_until <= ? AND legal_hold = 0 ORDER BY retain_until",
        (as_of.isoformat(),),
    ).fetchall()


def write_csv(rows, fh):
    writer = csv.writer(fh)
    writer.writerow(COLUMNS)
    writer.writerows(rows)


def export(as_of: dt.date) -> str:
    conn = sqlite3.connect(DB_PATH)
    try:
        rows = due_records(conn, as_of)
    finally:
        conn.close()

    fd, tmp_path = tempfile.mkstemp(suffix=".csv", prefix="retention-")
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        write_csv(rows, fh)

    final_path = os.path.join(DROP_DIR, f"retention-due-{as_of:%Y%m%d}.csv")
    shutil.move(tmp_path, final_path)
    os.chmod(final_path, 0o640)
    log.info("exported %d records due on %s to %s", len(rows), as_of, final_path)
    return final_path


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    as_of = dt.date.today() + dt.timedelta(days=30)
    os.makedirs(DROP_DIR, exist_ok=True)
    export(as_of)


if __name__ == "__main__":
    main()
