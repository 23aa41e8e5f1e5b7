#!/usr/bin/env python3
"""Nightly export of closed CAD incidents to the county records system (SFTP drop)."""
import csv
import logging
import os
import shutil
import tempfile
from datetime import date, timedelta

import psycopg2

log = logging.getLogger("cad.export")

DSN = os.environ.get("CAD_DSN", "dbname=cad user=cad_export host=db1")
DROP_DIR = os.environ.get("RECORDS_DROP_DIR", "/srv/sftp/records/inbound")
COLUMNS = ("incident_id", "incident_type", "address", "received_at", "closed_at",
           "disposition", "primary_unit")


def fetch_closed(conn, day):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT incident_id, incident_type, address, received_at, closed_at, "
            "disposition, primary_unit FROM incidents "
            "WHERE closed_at >= %s AND closed_at < %s ORDER BY closed_at",
            (day, day + timedelta(days=1)),
        )
        return cur.fetchall()


def write_export(rows):
    path = tempfile.mktemp(prefix="cad_export_", suffix=".csv")  # VULN
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    # records-system pickup job runs as a different user
    os.chmod(path, 0o777)  # VULN
    return path


def publish(path, day):
    target = os.path.join(DROP_DIR, f"cad_closed_{day:%Y%m%d}.csv")
    shutil.move(path, target)
    log.info("published %s", target)
    return target


def main():
    logging.basicConfig(level=logging.INFO)
    day = date.today() - timedelta(days=1)
    conn = psycopg2.connect(DSN)
    try:
        rows = fetch_closed(conn, day)
    finally:
        conn.close()
    if not rows:
        log.info("no closed incidents for %s", day)
        return
    path = write_export(rows)
    publish(path, day)


if __name__ == "__main__":
    main()
