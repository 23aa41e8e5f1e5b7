#!/usr/bin/env python3
"""Nightly payroll export to the payroll provider's SFTP drop."""
import csv
import io
import logging
import os
import sys
from datetime import date

import paramiko
import psycopg2
import psycopg2.extras

SFTP_HOST = "sftp.payroll-partner.example.com"
SFTP_USER = "acme_ledger"
SFTP_PASSWORD = os.environ["PAYROLL_SFTP_PASSWORD"]
REMOTE_DIR = "/inbound/payroll"
DSN = "dbname=payroll host=db.internal"

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("payroll.export")


def fetch_run(conn, period: str):
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            "SELECT e.employee_no, e.display_name, e.iban, r.gross, r.net, r.tax_withheld "
            "FROM payroll_runs r JOIN employees e ON e.id = r.employee_id "
            "WHERE r.period = %s AND r.approved", (period,)
        )
        return cur.fetchall()


def build_csv(rows) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";")
    writer.writerow(["employee_no", "name", "iban", "gross", "net", "tax"])
    for row in rows:
        name = row["display_name"]
        if not row["iban"]:
            log.warning("employee %r has no IBAN on file, skipping", name)
            continue
        writer.writerow([row["employee_no"], name, row["iban"], row["gross"], row["net"], row["tax_withheld"]])
    return buf.getvalue()


def upload(content: str, filename: str) -> None:
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(SFTP_HOST, username=SFTP_USER, password=SFTP_PASSWORD, timeout=30)
    try:
        sftp = client.open_sftp()
        with sftp.open(f"{REMOTE_DIR}/{filename}", "w") as remote:
            remote.write(content)
    finally:
        client.close()


def main() -> int:
    period = sys.argv[1] if len(sys.argv) > 1 else date.today().strftime("%Y-%m")
    conn = psycopg2.connect(DSN)
    try:
        rows = fetch_run(conn, period)
    finally:
        conn.close()
    if not rows:
        log.info("no approved payroll rows for %s", period)
        return 0
    upload(build_csv(rows), f"payroll_{period}.csv")
    log.info("exported %d payroll rows for %s", len(rows), period)
    return 0


if __name__ == "__main__":
    sys.exit(main())
