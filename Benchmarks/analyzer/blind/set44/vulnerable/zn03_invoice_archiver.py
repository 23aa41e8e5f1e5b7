#!/usr/bin/env python3
"""Nightly cron: bundle yesterday's invoices per merchant and push them to cold storage.

Scheduled from /etc/cron.d/billing-archive at 02:15 UTC.
"""
import datetime as dt
import logging
import os
import shutil
import subprocess
import sys
import tempfile

import psycopg2

ARCHIVE_BUCKET = os.environ.get("INVOICE_BUCKET", "s3://acme-invoices-archive")
INVOICE_ROOT = os.environ.get("INVOICE_ROOT", "/srv/billing/invoices")
DSN = os.environ.get("BILLING_DSN", "dbname=billing user=archiver host=db-billing")

log = logging.getLogger("invoice-archiver")


def fetch_merchants(conn, day: dt.date):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT id, display_name FROM merchants WHERE last_invoice_on = %s",
            (day,),
        )
        return cur.fetchall()


def archive_name(display_name: str, day: dt.date) -> str:
    slug = display_name.strip().lower().replace(" ", "-")
    return f"{slug}-{day:%Y%m%d}.tar.gz"


def bundle_and_upload(merchant_id: int, display_name: str, day: dt.date) -> bool:
    src = os.path.join(INVOICE_ROOT, str(merchant_id), day.strftime("%Y/%m/%d"))
    if not os.path.isdir(src):
        log.warning("no invoice folder for merchant %s", merchant_id)
        return False

    staging = tempfile.mktemp(prefix="inv-")  # VULN
    os.makedirs(staging)
    try:
        out = os.path.join(staging, archive_name(display_name, day))
        cmd = (
            f"tar -czf {out} -C {src} . && "
            f"aws s3 cp {out} {ARCHIVE_BUCKET}/{merchant_id}/ --only-show-errors"
        )
        log.debug("running: %r", cmd)
        subprocess.run(cmd, shell=True, check=True)  # VULN flow
        return True
    except subprocess.CalledProcessError as exc:
        log.error("archive failed for merchant %s: rc=%s", merchant_id, exc.returncode)
        return False
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    day = dt.date.today() - dt.timedelta(days=1)
    conn = psycopg2.connect(DSN)
    failures = 0
    try:
        for merchant_id, display_name in fetch_merchants(conn, day):
            if not bundle_and_upload(merchant_id, display_name, day):
                failures += 1
    finally:
        conn.close()
    log.info("archive run for %s finished, failures=%d", day, failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
