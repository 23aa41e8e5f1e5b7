#!/usr/bin/env python3
"""Nightly cron: build next-day route sheets and drop them on the depot print spool.

Runs at 02:30 on the ops box after the optimiser has published tomorrow's rounds.
"""
import csv
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta

import psycopg2

log = logging.getLogger("route_sheets")

DSN = os.environ.get("ROUTES_DSN", "dbname=routes")
PRINT_SPOOL = os.environ.get("PRINT_SPOOL", "/srv/print-spool")
PRINTERS = {"north": "depot-north-a3", "riverside": "depot-rs-office", "eastgate": "depot-eg-cab"}

QUERY = """
SELECT r.depot, r.round_code, r.truck_id, s.seq, s.street, s.bin_count, s.stream
FROM rounds r JOIN round_stops s ON s.round_id = r.id
WHERE r.run_date = %s
ORDER BY r.depot, r.round_code, s.seq
"""


def fetch_stops(run_date: date):
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute(QUERY, (run_date,))
        return cur.fetchall()


def build_csv(depot: str, rows) -> str:
    fd, path = tempfile.mkstemp(prefix=f"routesheet-{depot}-", suffix=".csv")
    with os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["round", "truck", "seq", "street", "bins", "stream"])
        for _, round_code, truck_id, seq, street, bins, stream in rows:
            writer.writerow([round_code, truck_id, seq, street, bins, stream])
    return path


def publish(path: str, depot: str, run_date: date) -> str:
    dest_dir = os.path.join(PRINT_SPOOL, depot)
    os.makedirs(dest_dir, exist_ok=True)
    dest = os.path.join(dest_dir, f"routes-{run_date:%Y%m%d}.csv")
    shutil.copyfile(path, dest)
    # depot PCs pick the files up over SMB via the spool group
    os.chmod(dest, 0o640)
    subprocess.run(["lp", "-d", PRINTERS[depot], "-o", "landscape", dest], check=True)
    return dest


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    run_date = date.today() + timedelta(days=1)
    rows = fetch_stops(run_date)
    if not rows:
        log.warning("no rounds published for %s", run_date)
        return 1
    by_depot = {}
    for row in rows:
        by_depot.setdefault(row[0], []).append(row)
    for depot, depot_rows in by_depot.items():
        if depot not in PRINTERS:
            log.warning("no printer configured for depot %s", depot)
            continue
        tmp = build_csv(depot, depot_rows)
        try:
            dest = publish(tmp, depot, run_date)
            log.info("published %d stops for %s to %s", len(depot_rows), depot, dest)
        finally:
            os.unlink(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
