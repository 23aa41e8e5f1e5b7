"""Monthly claims bordereau export to a coverholder over SFTP."""
import csv
import logging
import os
import tempfile
from datetime import date

import paramiko
import psycopg2

log = logging.getLogger("bdx.export")

DSN = os.environ.get("CLAIMS_DSN", "dbname=claims")
SFTP_HOST = os.environ.get("BDX_SFTP_HOST", "sftp.coverholder.example.com")
SFTP_USER = os.environ.get("BDX_SFTP_USER", "bdx_upload")
SFTP_KEY = os.environ.get("BDX_SFTP_KEY", "/etc/bdx/id_ed25519")
REMOTE_DIR = "/inbound/claims"

COLUMNS = ["claim_ref", "policy_number", "loss_date", "reported_date",
           "status", "paid", "outstanding", "cause_code"]

QUERY = """
    SELECT claim_ref, policy_number, loss_date, reported_date, status,
           paid_to_date, outstanding_reserve, cause_code
    FROM claims
    WHERE binder_id = %s AND reported_date < %s
    ORDER BY claim_ref
"""


def extract(binder_id: str, cutoff: date):
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute(QUERY, (binder_id, cutoff))
        yield from cur


def write_csv(rows) -> str:
    path = tempfile.mktemp(prefix="bdx_", suffix=".csv")  # VULN
    count = 0
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(row)
            count += 1
    log.info("wrote %d claims to %s", count, path)
    return path


def upload(local_path: str, remote_name: str) -> None:
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # VULN
    client.connect(SFTP_HOST, username=SFTP_USER, key_filename=SFTP_KEY, timeout=30)
    try:
        sftp = client.open_sftp()
        sftp.put(local_path, f"{REMOTE_DIR}/{remote_name}")
        log.info("uploaded %s to %s:%s", remote_name, SFTP_HOST, REMOTE_DIR)
    finally:
        client.close()


def run(binder_id: str, period_end: date) -> None:
    path = write_csv(extract(binder_id, period_end))
    try:
        upload(path, f"{binder_id}_claims_{period_end:%Y%m}.csv")
    finally:
        os.remove(path)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(os.environ["BDX_BINDER_ID"], date.today().replace(day=1))
