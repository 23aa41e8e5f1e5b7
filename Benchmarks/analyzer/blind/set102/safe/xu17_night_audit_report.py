#!/usr/bin/env python3
"""Night-audit export: revenue by outlet for the closed business date.

Runs from cron at 03:30 after the PMS day-end roll. The CSV lands on the
finance share where the accounts team's reconciliation macro picks it up.
"""
import csv
import logging
import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import date, datetime, timedelta

PMS_DB = os.environ.get("PMS_REPORTING_DB", "/var/lib/pms/reporting.db")
FINANCE_SHARE = os.environ.get("FINANCE_SHARE", "/mnt/finance/night_audit")
log = logging.getLogger("night_audit")

QUERY = """
SELECT o.code, o.name,
       SUM(CASE WHEN p.category = 'room' THEN p.amount ELSE 0 END)  AS rooms,
       SUM(CASE WHEN p.category = 'fnb' THEN p.amount ELSE 0 END)   AS fnb,
       SUM(CASE WHEN p.category = 'other' THEN p.amount ELSE 0 END) AS other,
       SUM(p.amount) AS total
FROM postings p JOIN outlets o ON o.id = p.outlet_id
WHERE p.business_date = ?
GROUP BY o.code, o.name
ORDER BY o.code
"""


def collect(conn: sqlite3.Connection, business_date: date):
    return conn.execute(QUERY, (business_date.isoformat(),)).fetchall()


def write_report(rows, business_date: date) -> str:
    fd, tmp_path = tempfile.mkstemp(prefix="night_audit_%s_" % business_date.strftime("%Y%m%d"), suffix=".csv")
    with os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["business_date", "outlet", "name", "rooms", "fnb", "other", "total"])
        for code, name, rooms, fnb, other, total in rows:
            writer.writerow([business_date.isoformat(), code, name,
                             f"{rooms:.2f}", f"{fnb:.2f}", f"{other:.2f}", f"{total:.2f}"])
    return tmp_path


def publish(tmp_path: str, business_date: date) -> str:
    os.makedirs(FINANCE_SHARE, exist_ok=True)
    dest = os.path.join(FINANCE_SHARE, "night_audit_%s.csv" % business_date.strftime("%Y%m%d"))
    shutil.copyfile(tmp_path, dest)
    # the reconciliation macro's account is in the finance group on the file server
    os.chmod(dest, 0o640)
    os.remove(tmp_path)
    return dest


def main(argv):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    if len(argv) > 1:
        business_date = datetime.strptime(argv[1], "%Y-%m-%d").date()
    else:
        business_date = date.today() - timedelta(days=1)
    with sqlite3.connect(PMS_DB) as conn:
        rows = collect(conn, business_date)
    if not rows:
        log.warning("no postings for %s, nothing exported", business_date)
        return 1
    dest = publish(write_report(rows, business_date), business_date)
    log.info("night audit for %s exported to %s (%d outlets)", business_date, dest, len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
