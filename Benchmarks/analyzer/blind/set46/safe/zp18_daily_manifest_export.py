#!/usr/bin/env python3
"""Nightly cron: export the day's outbound shipments as a carrier manifest CSV
and hand it to the carrier's manifest endpoint."""
import csv
import logging
import os
import sqlite3
import sys
import tempfile
from datetime import date, timedelta

import requests

log = logging.getLogger("manifest-export")

DB_PATH = os.environ.get("WMS_DB", "/var/lib/wms/wms.db")
ARCHIVE_DIR = "/var/spool/manifests"
CARRIER_ENDPOINT = "https://edi.carrier-partner.example/manifests"
FIELDS = ["shipment_id", "consignee", "postcode", "country", "parcels", "weight_kg", "service"]


def fetch_shipments(day: date):
    conn = sqlite3.connect(DB_PATH)
    try:
        cur = conn.execute(
            "SELECT shipment_id, consignee, postcode, country, parcels, weight_kg, service "
            "FROM shipments WHERE ship_date = ? AND status = 'LOADED'",
            (day.isoformat(),),
        )
        return cur.fetchall()
    finally:
        conn.close()


def write_manifest(rows) -> str:
    fd, path = tempfile.mkstemp(suffix=".csv", prefix="manifest-")
    with os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        writer.writerows(rows)
    return path


def archive(path: str, day: date) -> str:
    os.makedirs(ARCHIVE_DIR, mode=0o750, exist_ok=True)
    target = os.path.join(ARCHIVE_DIR, f"manifest-{day:%Y%m%d}.csv")
    os.replace(path, target)
    os.chmod(target, 0o640)
    return target


def submit(path: str, token: str) -> None:
    with open(path, "rb") as fh:
        resp = requests.post(
            CARRIER_ENDPOINT,
            files={"manifest": (os.path.basename(path), fh, "text/csv")},
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
        )
    resp.raise_for_status()


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    day = date.today() - timedelta(days=1) if "--yesterday" in sys.argv else date.today()
    rows = fetch_shipments(day)
    if not rows:
        log.info("no loaded shipments for %s", day)
        return 0
    tmp = write_manifest(rows)
    submit(tmp, os.environ["CARRIER_EDI_TOKEN"])
    final = archive(tmp, day)
    log.info("submitted %d shipments, archived at %s", len(rows), final)
    return 0


if __name__ == "__main__":
    sys.exit(main())
