#!/usr/bin/env python3
"""Nightly cron: export active MLS listings to CSV and hand them to the syndication SFTP drop."""
import csv
import logging
import os
import shutil
import sqlite3
import sys
import tempfile
from datetime import date

log = logging.getLogger("mls_export")

DB_PATH = os.environ.get("MLS_DB", "/var/lib/mls/listings.db")
DROP_DIR = os.environ.get("SYNDICATION_DROP", "/srv/sftp/syndication/outbound")
COLUMNS = ["mls_id", "street", "city", "postcode", "price", "beds", "baths", "agent_email", "status"]


def fetch_active(conn):
    cur = conn.execute(
        "SELECT mls_id, street, city, postcode, price, beds, baths, agent_email, status "
        "FROM listings WHERE status IN ('active', 'under_offer') ORDER BY mls_id"
    )
    yield from cur


def write_csv(rows, path):
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def publish(tmp_path, drop_dir):
    os.makedirs(drop_dir, exist_ok=True)
    os.chmod(drop_dir, 0o777)  # VULN
    final = os.path.join(drop_dir, f"listings_{date.today():%Y%m%d}.csv")
    shutil.move(tmp_path, final)
    os.chmod(final, 0o666)  # VULN
    return final


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    tmp_path = tempfile.mktemp(prefix="mls_export_", suffix=".csv")  # VULN
    try:
        with sqlite3.connect(DB_PATH) as conn:
            count = write_csv(fetch_active(conn), tmp_path)
    except sqlite3.Error as exc:
        log.error("export query failed: %s", exc)
        return 1
    final = publish(tmp_path, DROP_DIR)
    log.info("exported %d listings to %s", count, final)
    return 0


if __name__ == "__main__":
    sys.exit(main())
