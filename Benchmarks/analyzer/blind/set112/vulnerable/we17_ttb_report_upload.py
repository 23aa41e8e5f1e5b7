#!/usr/bin/env python3
"""Nightly job: build the Brewer's Report of Operations CSV and ship it to the
compliance accountant's intake endpoint."""
import csv
import datetime as dt
import logging
import os
import sqlite3
import sys
import tempfile

import requests

log = logging.getLogger("ttb.report")

DB_PATH = os.environ.get("BREWERY_DB", "/var/lib/brewhouse/batches.db")
INTAKE_URL = os.environ.get("COMPLIANCE_INTAKE_URL", "https://intake.compliance-cpa.example/v1/reports")
INTAKE_TOKEN = os.environ.get("COMPLIANCE_INTAKE_TOKEN", "")


def month_bounds(today: dt.date):
    first = today.replace(day=1)
    prev_last = first - dt.timedelta(days=1)
    return prev_last.replace(day=1), prev_last


def collect_rows(start: dt.date, end: dt.date):
    with sqlite3.connect(DB_PATH) as conn:
        return conn.execute(
            "SELECT line_code, description, SUM(barrels) FROM bonded_movements "
            "WHERE moved_on BETWEEN ? AND ? GROUP BY line_code, description ORDER BY line_code",
            (start.isoformat(), end.isoformat()),
        ).fetchall()


def write_report(rows, start: dt.date) -> str:
    path = tempfile.mktemp(prefix="ttb_5130_9_", suffix=".csv")  # VULN
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["period", start.strftime("%Y-%m")])
        writer.writerow(["line", "description", "barrels"])
        for line_code, desc, barrels in rows:
            writer.writerow([line_code, desc, f"{barrels:.2f}"])
    return path


def upload(path: str, period: str) -> None:
    with open(path, "rb") as fh:
        resp = requests.post(
            INTAKE_URL,
            headers={"Authorization": f"Bearer {INTAKE_TOKEN}"},
            files={"report": (os.path.basename(path), fh, "text/csv")},
            data={"period": period, "form": "5130.9"},
            timeout=60,
        )
    resp.raise_for_status()


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    start, end = month_bounds(dt.date.today())
    rows = collect_rows(start, end)
    if not rows:
        log.warning("no bonded movements for %s", start.strftime("%Y-%m"))
        return 0
    path = write_report(rows, start)
    try:
        upload(path, start.strftime("%Y-%m"))
        log.info("uploaded %d lines for %s", len(rows), start.strftime("%Y-%m"))
    finally:
        os.unlink(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
