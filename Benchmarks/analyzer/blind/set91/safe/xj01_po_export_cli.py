#!/usr/bin/env python3
"""Export a vendor's purchase orders to CSV and bundle them for the AP team.

Run nightly by the ops scheduler:  po_export.py --all  or  po_export.py ACME-001
"""
import argparse
import csv
import logging
import os
import re
import subprocess
import sys
from datetime import date

import psycopg2

log = logging.getLogger("po_export")

EXPORT_ROOT = os.environ.get("PO_EXPORT_ROOT", "/var/lib/procurement/exports")


def fetch_vendor(conn, vendor_code):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT vendor_code, legal_name FROM vendors WHERE vendor_code = %s",
            (vendor_code,),
        )
        return cur.fetchone()


def fetch_orders(conn, vendor_code, since):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT po_number, issued_on, total_amount, currency, status "
            "FROM purchase_orders WHERE vendor_code = %s AND issued_on >= %s "
            "ORDER BY issued_on",
            (vendor_code, since),
        )
        return cur.fetchall()


def write_csv(rows, path):
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["po_number", "issued_on", "total", "currency", "status"])
        writer.writerows(rows)


def archive_name_for(legal_name, since):
    # legal names come straight from the supplier portal registration form
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", legal_name.strip())[:60] or "vendor"
    return os.path.join(EXPORT_ROOT, f"{stem}_{since}")


def bundle(export_dir, archive_stem):
    cmd = ["tar", "-czf", archive_stem + ".tar.gz", "-C", export_dir, "."]
    log.info("bundling: %r", cmd)
    return subprocess.call(cmd)


def export_vendor(conn, vendor_code, since):
    vendor = fetch_vendor(conn, vendor_code)
    if vendor is None:
        log.error("unknown vendor %r", vendor_code)
        return 1
    code, legal_name = vendor
    rows = fetch_orders(conn, code, since)
    if not rows:
        log.info("no orders for %r since %s", code, since)
        return 0
    work_dir = os.path.join(EXPORT_ROOT, "work", code)
    os.makedirs(work_dir, exist_ok=True)
    write_csv(rows, os.path.join(work_dir, "purchase_orders.csv"))
    return bundle(work_dir, archive_name_for(legal_name, since))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("vendor_code", nargs="?")
    p.add_argument("--all", action="store_true")
    p.add_argument("--since", default=date.today().replace(day=1).isoformat())
    p.add_argument("--dsn", default=os.environ.get("PROCUREMENT_DSN", "dbname=procurement"))
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    conn = psycopg2.connect(args.dsn)
    try:
        if args.all:
            with conn.cursor() as cur:
                cur.execute("SELECT vendor_code FROM vendors WHERE active")
                codes = [r[0] for r in cur.fetchall()]
        elif args.vendor_code:
            codes = [args.vendor_code]
        else:
            p.error("vendor_code or --all required")
        rc = 0
        for code in codes:
            rc |= export_vendor(conn, code, args.since)
        return rc
    finally:
        conn.close()


if __name__ == "__main__":
    sys.exit(main())
