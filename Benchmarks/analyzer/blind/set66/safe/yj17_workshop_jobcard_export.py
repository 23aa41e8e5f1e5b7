#!/usr/bin/env python3
"""Nightly export of closed workshop job cards for the accounts team.

Runs from cron on the workshop server; the CSV lands in the shared
accounts drop folder that the bookkeeping package polls.
"""
import csv
import logging
import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import date, datetime, timedelta

log = logging.getLogger("workshop.export")

WORKSHOP_DB = os.environ.get("WORKSHOP_DB", "/var/lib/workshop/jobs.db")
DROP_DIR = os.environ.get("ACCOUNTS_DROP", "/srv/shared/accounts/inbound")
COLUMNS = ["job_no", "closed_at", "customer", "phone", "registration", "labour_hours",
           "labour_total", "parts_total", "vat", "grand_total", "technician"]


def fetch_closed_jobs(conn, since: datetime):
    return conn.execute(
        "SELECT j.job_no, j.closed_at, c.name, c.phone, v.registration, j.labour_hours, "
        "j.labour_total, j.parts_total, j.vat, j.grand_total, t.name "
        "FROM jobs j JOIN customers c ON c.id = j.customer_id "
        "JOIN vehicles v ON v.id = j.vehicle_id JOIN technicians t ON t.id = j.technician_id "
        "WHERE j.status = 'closed' AND j.closed_at >= ? ORDER BY j.closed_at",
        (since.isoformat(),),
    ).fetchall()


def export_job_cards(conn, since: datetime) -> str:
    fd, tmp_path = tempfile.mkstemp(prefix="jobcards_", suffix=".csv")
    rows = fetch_closed_jobs(conn, since)
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    log.info("wrote %d job cards to %s", len(rows), tmp_path)
    return tmp_path


def publish(tmp_path: str, dest_dir: str, day: date) -> str:
    os.makedirs(dest_dir, exist_ok=True)
    final = os.path.join(dest_dir, f"jobcards_{day:%Y%m%d}.csv")
    shutil.move(tmp_path, final)
    # bookkeeping service reads via the shared 'accounts' group
    os.chmod(final, 0o640)
    return final


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    today = date.today()
    since = datetime.combine(today - timedelta(days=1), datetime.min.time())
    conn = sqlite3.connect(WORKSHOP_DB)
    try:
        tmp_path = export_job_cards(conn, since)
        final = publish(tmp_path, DROP_DIR, today)
    except (sqlite3.Error, OSError):
        log.exception("job card export failed")
        return 1
    finally:
        conn.close()
    log.info("published %s", final)
    return 0


if __name__ == "__main__":
    sys.exit(main())
