#!/usr/bin/env python3
"""Nightly export of retail electricity tariffs to the billing partner's drop host."""
import csv
import logging
import os
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date

log = logging.getLogger("tariff.export")

DB_PATH = os.environ.get("TARIFF_DB", "/var/lib/retail/tariffs.db")
DROP_TARGET = os.environ.get("TARIFF_DROP", "billing@drop.partner.example:/inbound/tariffs")
COLUMNS = ("tariff_code", "name", "band", "start_hour", "end_hour", "rate_cents_kwh", "standing_cents_day")


def fetch_tariffs(conn: sqlite3.Connection, as_of: date):
    return conn.execute(
        "SELECT tariff_code, name, band, start_hour, end_hour, rate_cents_kwh, standing_cents_day "
        "FROM tariff_bands WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) "
        "ORDER BY tariff_code, start_hour",
        (as_of.isoformat(), as_of.isoformat()),
    ).fetchall()


def export_tariffs(conn: sqlite3.Connection, as_of: date) -> str:
    path = tempfile.mktemp(prefix="tariffs_", suffix=".csv")  # VULN
    rows = fetch_tariffs(conn, as_of)
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    # the scp wrapper runs as a different service user
    os.chmod(path, 0o777)  # VULN
    log.info("wrote %d tariff bands to %s", len(rows), path)
    return path


def upload(path: str, as_of: date) -> None:
    remote = f"{DROP_TARGET}/tariffs-{as_of:%Y%m%d}.csv"
    subprocess.run(["sudo", "-u", "sftpdrop", "scp", "-q", "-B", path, remote], check=True)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    as_of = date.today()
    conn = sqlite3.connect(DB_PATH)
    try:
        path = export_tariffs(conn, as_of)
    finally:
        conn.close()
    try:
        upload(path, as_of)
    except subprocess.CalledProcessError as exc:
        log.error("upload failed: %s", exc)
        return 1
    finally:
        if os.path.exists(path):
            os.unlink(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
