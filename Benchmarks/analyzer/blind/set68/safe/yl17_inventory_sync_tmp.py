#!/usr/bin/env python3
"""Nightly store -> HQ inventory sync (run from cron on each store server).

Exports the local stock table to CSV and PUTs it to the HQ ingestion API.
"""
import argparse
import csv
import logging
import os
import sqlite3
import sys
import tempfile

import requests

log = logging.getLogger("inventory.sync")

HQ_ENDPOINT = "https://hq-inventory.example-retail.com/api/v1/stores/{store}/stock"


def export_inventory(db_path: str, store_id: str) -> str:
    fd, path = tempfile.mkstemp(prefix=f"inv_{store_id}_", suffix=".csv")
    rows = 0
    with sqlite3.connect(db_path) as conn, os.fdopen(fd, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["sku", "on_hand", "reserved", "unit_cost", "updated_at"])
        for row in conn.execute(
            "SELECT sku, on_hand, reserved, unit_cost, updated_at FROM stock WHERE store_id = ?",
            (store_id,),
        ):
            writer.writerow(row)
            rows += 1
    os.chmod(path, 0o600)
    log.info("exported %d rows to %s", rows, path)
    return path


def upload(path: str, endpoint: str, token: str) -> int:
    with open(path, "rb") as fh:
        resp = requests.put(
            endpoint,
            data=fh,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"},
            timeout=60,
        )
    resp.raise_for_status()
    return int(resp.json().get("accepted", 0))


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--store", required=True, help="store id, e.g. 0042")
    ap.add_argument("--db", default="/srv/pos/store.db")
    ap.add_argument("--endpoint", default=HQ_ENDPOINT)
    ap.add_argument("--keep", action="store_true", help="keep the export file after upload")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    args = parse_args(argv)
    token = os.environ.get("HQ_SYNC_TOKEN")
    if not token:
        log.error("HQ_SYNC_TOKEN not set")
        return 2

    path = export_inventory(args.db, args.store)
    try:
        accepted = upload(path, args.endpoint.format(store=args.store), token)
    except requests.RequestException as exc:
        log.error("upload failed: %s", exc)
        return 1
    finally:
        if not args.keep:
            os.remove(path)
    log.info("HQ accepted %d rows", accepted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
