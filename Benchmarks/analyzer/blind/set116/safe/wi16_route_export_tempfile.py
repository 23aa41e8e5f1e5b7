#!/usr/bin/env python3
"""Export tomorrow's route sheets and push them to the branch print spool.

Each branch office has a shared printer; route sheets (customer names,
gate codes, pet warnings) are dropped into the spool directory that CUPS
watches.
"""
import csv
import logging
import os
import shutil
import tempfile
from datetime import date, timedelta

import psycopg2

log = logging.getLogger("route_export")

PG_DSN = os.environ.get("PG_DSN", "dbname=dispatch")
SPOOL_ROOT = "/var/spool/routesheets"
COLUMNS = ["stop", "eta", "customer", "address", "service", "gate_code", "pets", "notes"]


def fetch_routes(conn, day: date) -> dict:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT r.branch_code, r.tech_name, s.seq, s.eta, c.name, c.address, "
            "s.service, c.gate_code, c.pets, s.notes "
            "FROM route_stops s JOIN routes r ON r.id = s.route_id "
            "JOIN customers c ON c.id = s.customer_id "
            "WHERE r.service_day = %s ORDER BY r.branch_code, r.tech_name, s.seq",
            (day,),
        )
        grouped: dict = {}
        for branch, tech, *stop in cur.fetchall():
            grouped.setdefault(branch, {}).setdefault(tech, []).append(stop)
        return grouped


def write_sheet(rows_by_tech: dict) -> str:
    fd, path = tempfile.mkstemp(suffix=".csv", prefix="routes-")
    with os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        for tech, stops in rows_by_tech.items():
            writer.writerow([f"Technician: {tech}"])
            writer.writerow(COLUMNS)
            writer.writerows(stops)
            writer.writerow([])
    return path


def publish(branch: str, sheet_path: str, day: date) -> str:
    spool = os.path.join(SPOOL_ROOT, branch)
    os.makedirs(spool, mode=0o750, exist_ok=True)
    dest = os.path.join(spool, f"routes-{day.isoformat()}.csv")
    shutil.move(sheet_path, dest)
    os.chmod(dest, 0o640)
    return dest


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    day = date.today() + timedelta(days=1)
    conn = psycopg2.connect(PG_DSN)
    try:
        routes = fetch_routes(conn, day)
    finally:
        conn.close()
    for branch, rows_by_tech in routes.items():
        sheet = write_sheet(rows_by_tech)
        dest = publish(branch, sheet, day)
        log.info("branch %s: %d technicians -> %s", branch, len(rows_by_tech), dest)


if __name__ == "__main__":
    main()
