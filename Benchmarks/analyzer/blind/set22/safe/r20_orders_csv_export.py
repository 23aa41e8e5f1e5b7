#!/usr/bin/env python3
"""ETL step: export yesterday's orders to CSV and push them to the finance SFTP drop."""
import csv
import logging
import os
import tempfile
from datetime import date, timedelta

import paramiko
import psycopg2

log = logging.getLogger("etl.orders_export")

COLUMNS = ("order_id", "customer_id", "currency", "net_cents", "tax_cents", "placed_at")


def fetch_orders(dsn, day):
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT id, customer_id, currency, net_cents, tax_cents, placed_at "
            "FROM orders WHERE placed_at::date = %s ORDER BY id",
            (day,),
        )
        yield from cur


def write_csv(rows):
    fd, tmp_path = tempfile.mkstemp(prefix="orders_", suffix=".csv")
    count = 0
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(row)
            count += 1
    return tmp_path, count


def upload(local_path, remote_name):
    transport = paramiko.Transport((os.environ["FINANCE_SFTP_HOST"], 22))
    host_keys = paramiko.util.load_host_keys(os.path.expanduser("~/.ssh/known_hosts"))
    expected = host_keys[os.environ["FINANCE_SFTP_HOST"]]["ssh-ed25519"]
    transport.connect(hostkey=expected, username=os.environ["FINANCE_SFTP_USER"],
                      pkey=paramiko.Ed25519Key.from_private_key_file(os.environ["FINANCE_SFTP_KEY"]))
    try:
        sftp = paramiko.SFTPClient.from_transport(transport)
        sftp.put(local_path, f"/incoming/{remote_name}")
    finally:
        transport.close()


def main():
    logging.basicConfig(level=logging.INFO)
    day = date.today() - timedelta(days=1)
    path, count = write_csv(fetch_orders(os.environ["ORDERS_DSN"], day))
    try:
        upload(path, f"orders_{day.isoformat()}.csv")
        log.info("exported %d orders for %s", count, day)
    finally:
        os.remove(path)


if __name__ == "__main__":
    main()
