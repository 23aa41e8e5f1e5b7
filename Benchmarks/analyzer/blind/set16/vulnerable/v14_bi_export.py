#!/usr/bin/env python3
"""Export yesterday's telemetry aggregates for the BI team's SFTP pickup."""
import csv
import datetime as dt
import logging
import os
import shutil
import sqlite3
import tempfile

log = logging.getLogger("bi-export")
DB_PATH = os.environ.get("TELEMETRY_DB", "/var/lib/telemetry/agg.db")
PICKUP_DIR = os.environ.get("BI_PICKUP_DIR", "/srv/sftp/bi/incoming")
COLUMNS = ["day", "device_id", "metric", "count", "mean", "p95"]


def fetch_rows(day):
    conn = sqlite3.connect(DB_PATH)
    try:
        cur = conn.execute(
            "SELECT day, device_id, metric, count, mean, p95 FROM daily_agg "
            "WHERE day = ? ORDER BY device_id, metric",
            (day.isoformat(),),
        )
        yield from cur
    finally:
        conn.close()


def write_csv(rows):
    tmp_path = tempfile.mktemp(suffix=".csv", prefix="bi-export-")  # VULN
    count = 0
    with open(tmp_path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(row)
            count += 1
    return tmp_path, count


def publish(tmp_path, day):
    os.makedirs(PICKUP_DIR, exist_ok=True)
    final_path = os.path.join(PICKUP_DIR, f"telemetry-{day:%Y%m%d}.csv")
    shutil.move(tmp_path, final_path)
    os.chmod(final_path, 0o777)  # VULN
    return final_path


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    day = dt.date.today() - dt.timedelta(days=1)
    tmp_path, count = write_csv(fetch_rows(day))
    if count == 0:
        os.unlink(tmp_path)
        log.warning("no rows for %s, nothing exported", day)
        return
    final_path = publish(tmp_path, day)
    log.info("exported %d rows to %s", count, final_path)


if __name__ == "__main__":
    main()
