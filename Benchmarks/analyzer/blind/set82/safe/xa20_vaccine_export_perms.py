#!/usr/bin/env python3
"""Nightly export of vaccination records (with owner contact details) for the
county rabies-compliance office. Picked up by their SFTP job from EXPORT_DIR."""
import csv
import logging
import os
import sqlite3
from datetime import date, timedelta

log = logging.getLogger("vaccine_export")

DB_PATH = os.environ.get("PMS_DB", "/var/lib/pms/clinic.db")
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/exports/rabies")
FIELDS = ["patient_id", "pet_name", "species", "vaccine", "lot_number",
          "administered_on", "owner_name", "owner_phone", "owner_address"]


def fetch_vaccinations(conn: sqlite3.Connection, since: date) -> list:
    cur = conn.execute(
        """
        SELECT v.patient_id, p.name, p.species, v.vaccine, v.lot_number,
               v.administered_on, o.full_name, o.phone, o.address
        FROM vaccinations v
        JOIN patients p ON p.id = v.patient_id
        JOIN owners o ON o.id = p.owner_id
        WHERE v.vaccine LIKE 'Rabies%' AND v.administered_on >= ?
        ORDER BY v.administered_on
        """,
        (since.isoformat(),),
    )
    return cur.fetchall()


def write_export(rows: list, export_dir: str, day: date) -> str:
    os.makedirs(export_dir, mode=0o750, exist_ok=True)
    path = os.path.join(export_dir, f"rabies-{day:%Y%m%d}.csv")
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        writer.writerows(rows)
    os.chmod(path, 0o640)
    return path


def prune_old(export_dir: str, keep_days: int = 14) -> None:
    cutoff = date.today() - timedelta(days=keep_days)
    for name in os.listdir(export_dir):
        if not (name.startswith("rabies-") and name.endswith(".csv")):
            continue
        stamp = name[len("rabies-"):-len(".csv")]
        try:
            day = date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
        except ValueError:
            continue
        if day < cutoff:
            os.remove(os.path.join(export_dir, name))
            log.info("pruned %s", name)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    today = date.today()
    with sqlite3.connect(DB_PATH) as conn:
        rows = fetch_vaccinations(conn, today - timedelta(days=1))
    path = write_export(rows, EXPORT_DIR, today)
    log.info("wrote %d rows to %s", len(rows), path)
    prune_old(EXPORT_DIR)


if __name__ == "__main__":
    main()
