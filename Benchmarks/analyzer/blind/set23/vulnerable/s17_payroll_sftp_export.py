"""Nightly payroll export: dumps the pay run to CSV and ships it to the bank's SFTP drop."""
import csv
import logging
import os
import tempfile
from datetime import date
from typing import Iterable

import paramiko
import psycopg2

log = logging.getLogger("payroll.export")

FIELDS = ["employee_id", "iban", "net_amount", "currency", "reference"]


class PayRunRepository:
    def __init__(self, dsn: str):
        self.dsn = dsn

    def rows_for(self, run_date: date) -> Iterable[dict]:
        with psycopg2.connect(self.dsn) as conn, conn.cursor() as cur:
            cur.execute(
                "SELECT employee_id, iban, net_amount, currency, reference "
                "FROM pay_lines WHERE run_date = %s ORDER BY employee_id",
                (run_date,),
            )
            for row in cur:
                yield dict(zip(FIELDS, row))


class CsvExporter:
    def write(self, rows: Iterable[dict], run_date: date) -> str:
        path = tempfile.mktemp(prefix=f"payrun-{run_date:%Y%m%d}-", suffix=".csv")  # VULN
        with open(path, "w", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=FIELDS)
            writer.writeheader()
            for row in rows:
                writer.writerow(row)
        os.chmod(path, 0o777)  # VULN
        return path


class BankDropUploader:
    def __init__(self):
        self.host = os.environ["BANK_SFTP_HOST"]
        self.user = os.environ["BANK_SFTP_USER"]
        self.key_file = os.environ["BANK_SFTP_KEY"]

    def upload(self, local_path: str, remote_name: str) -> None:
        client = paramiko.SSHClient()
        client.load_system_host_keys()
        client.set_missing_host_key_policy(paramiko.RejectPolicy())
        client.connect(self.host, username=self.user, key_filename=self.key_file, timeout=30)
        try:
            sftp = client.open_sftp()
            sftp.put(local_path, f"/incoming/{remote_name}")
        finally:
            client.close()


def main() -> None:
    run_date = date.today()
    repo = PayRunRepository(os.environ["PAYROLL_DSN"])
    path = CsvExporter().write(repo.rows_for(run_date), run_date)
    try:
        BankDropUploader().upload(path, os.path.basename(path))
        log.info("uploaded pay run %s", run_date.isoformat())
    finally:
        os.remove(path)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
