import argparse
import csv
import datetime as dt
import os
import subprocess
import tempfile

import psycopg2

COLUMNS = ["invoice_id", "customer_id", "amount_cents", "currency", "issued_at"]


def fetch_rows(dsn, day):
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT invoice_id, customer_id, amount_cents, currency, issued_at FROM invoices WHERE issued_at::date = %s",
                (day,),
            )
            return cur.fetchall()
    finally:
        conn.close()


def export(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", prefix="billing-", newline="", delete=False) as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        path = fh.name
    os.chmod(path, 0o600)
    return path


def main():
    parser = argparse.ArgumentParser(description="nightly billing export")
    parser.add_argument("--day", type=dt.date.fromisoformat, default=dt.date.today() - dt.timedelta(days=1))
    parser.add_argument("--bucket", default="s3://finance-exports/billing")
    args = parser.parse_args()

    rows = fetch_rows(os.environ["BILLING_DSN"], args.day)
    path = export(rows)
    try:
        dest = f"{args.bucket}/{args.day.isoformat()}.csv"
        subprocess.run(["aws", "s3", "cp", path, dest, "--only-show-errors", "--sse", "aws:kms"], check=True)
    finally:
        os.remove(path)
    print(f"exported {len(rows)} rows to {dest}")


if __name__ == "__main__":
    main()
