#!/usr/bin/env python3
"""Nightly job: rebuild the zone-to-zone fare matrix and publish it.

The published CSV is picked up by the ticket vending machines' sync
agent from the shared export directory.
"""
import csv
import logging
import os
import shutil
import sqlite3
import tempfile
from itertools import product

log = logging.getLogger("fare_matrix")

TARIFF_DB = os.environ.get("TARIFF_DB", "/var/lib/tariff/tariff.db")
PUBLISH_PATH = os.environ.get("FARE_MATRIX_OUT", "/srv/exports/tvm/fare_matrix.csv")


def load_zones(conn):
    return [r[0] for r in conn.execute("SELECT code FROM zones ORDER BY code")]


def load_prices(conn):
    prices = {}
    for product_code, zone_count, price in conn.execute(
            "SELECT product, zone_count, price_cents FROM zone_prices"):
        prices[(product_code, zone_count)] = price
    return prices


def zone_distance(a: str, b: str) -> int:
    return abs(ord(a[0]) - ord(b[0])) + 1


def build_rows(zones, prices, products=("single", "day", "reduced")):
    for origin, dest in product(zones, repeat=2):
        count = zone_distance(origin, dest)
        for prod in products:
            price = prices.get((prod, count))
            if price is not None:
                yield origin, dest, prod, price


def write_matrix(rows, dest: str) -> int:
    fd, tmp_path = tempfile.mkstemp(prefix="fares-", suffix=".csv", dir=os.path.dirname(dest))
    written = 0
    with os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["origin_zone", "dest_zone", "product", "price_cents"])
        for row in rows:
            writer.writerow(row)
            written += 1
    shutil.move(tmp_path, dest)
    os.chmod(dest, 0o644)
    return written


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    conn = sqlite3.connect(TARIFF_DB)
    try:
        zones = load_zones(conn)
        prices = load_prices(conn)
    finally:
        conn.close()
    if not zones:
        log.error("no zones configured, refusing to publish empty matrix")
        return 1
    count = write_matrix(build_rows(zones, prices), PUBLISH_PATH)
    log.info("published %d fare rows to %s", count, PUBLISH_PATH)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
