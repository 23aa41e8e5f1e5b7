#!/usr/bin/env python3
"""Nightly export of billing-ready consumption to the CIS vendor share.

Run from cron on the meter-data-management host:
    15 2 * * *  /opt/mdm/bin/billing_export.py --cycle auto
"""
import argparse
import csv
import datetime as dt
import logging
import os
import shutil
import sqlite3
import sys
import tempfile

log = logging.getLogger("billing_export")

MDM_DB = os.environ.get("MDM_DB", "/var/lib/mdm/mdm.db")
EXPORT_DIR = os.environ.get("CIS_EXPORT_DIR", "/mnt/cis_share/inbound")
COLUMNS = ["account_no", "premise_id", "meter_serial", "prev_read", "curr_read",
           "consumption_m3", "read_date", "estimated", "customer_name", "service_address"]


def billing_cycle(today: dt.date) -> int:
    return (today.day - 1) // 7 + 1


def fetch_rows(conn, cycle: int, bill_date: dt.date):
    return conn.execute(
        "SELECT " + ", ".join(COLUMNS) + " FROM billing_reads "
        "WHERE cycle = ? AND read_date <= ? AND exported = 0 ORDER BY account_no",
        (cycle, bill_date.isoformat()),
    ).fetchall()


def write_export(rows) -> str:
    fd, tmp_path = tempfile.mkstemp(prefix="billing_", suffix=".csv")
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return tmp_path


def publish(tmp_path: str, cycle: int, bill_date: dt.date) -> str:
    final_path = os.path.join(EXPORT_DIR, f"consumption_c{cycle}_{bill_date:%Y%m%d}.csv")
    shutil.move(tmp_path, final_path)
    os.chmod(final_path, 0o640)
    return final_path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycle", default="auto")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    cycle = billing_cycle(args.date) if args.cycle == "auto" else int(args.cycle)
    conn = sqlite3.connect(MDM_DB)
    try:
        rows = fetch_rows(conn, cycle, args.date)
        if not rows:
            log.info("nothing to export for cycle %d", cycle)
            return 0
        tmp_path = write_export(rows)
        if args.dry_run:
            log.info("dry run: %d rows written to %s", len(rows), tmp_path)
            return 0
        final_path = publish(tmp_path, cycle, args.date)
        with conn:
            conn.execute("UPDATE billing_reads SET exported = 1 WHERE cycle = ? AND read_date <= ?",
                         (cycle, args.date.isoformat()))
        log.info("exported %d rows to %s", len(rows), final_path)
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
