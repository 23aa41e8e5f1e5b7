"""Nightly billing-run summary: builds the CSV and hands it to the report uploader."""
import csv
import logging
import os
import shutil
import subprocess
import tempfile
from datetime import date, timedelta

import psycopg2

log = logging.getLogger("billing.report")

DSN = os.environ.get("BILLING_DSN", "dbname=billing")
OUTBOX = "/srv/reports/outbox"
UPLOADER = ["/usr/local/bin/report-upload", "--channel", "finance"]

SUMMARY_SQL = """
SELECT bill_cycle, product_line, count(*) AS invoices,
       sum(net_amount) AS net, sum(tax_amount) AS tax
FROM invoices
WHERE run_date = %s
GROUP BY bill_cycle, product_line
ORDER BY bill_cycle, product_line
"""


def fetch_summary(run_date):
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute(SUMMARY_SQL, (run_date,))
        return cur.fetchall()


def write_csv(rows):
    path = tempfile.mktemp(prefix="billrun_", suffix=".csv")  # VULN
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["bill_cycle", "product_line", "invoices", "net", "tax"])
        writer.writerows(rows)
    return path


def publish(path, run_date):
    final = os.path.join(OUTBOX, f"billing_summary_{run_date:%Y%m%d}.csv")
    shutil.move(path, final)
    os.chmod(final, 0o777)  # VULN
    subprocess.run(UPLOADER + [final], check=True)
    return final


def main():
    logging.basicConfig(level=logging.INFO)
    run_date = date.today() - timedelta(days=1)
    rows = fetch_summary(run_date)
    if not rows:
        log.warning("no invoices for run date %s", run_date)
        return
    tmp_path = write_csv(rows)
    final = publish(tmp_path, run_date)
    log.info("published billing summary %s (%d rows)", final, len(rows))


if __name__ == "__main__":
    main()
